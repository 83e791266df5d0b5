using System.Globalization;
using System.Text.Json;
using Workflow.Application.Settings;

namespace Workflow.Api.Settings;

/// <summary>Reads the body of PUT /api/settings into a <see cref="SettingsChange"/>: only the properties present change.</summary>
public static class SettingsJson
{
    public static (SettingsChange Change, Dictionary<string, string[]> Errors) Read(JsonElement root)
    {
        var change = new SettingsChange();
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors[""] = ["Expected a JSON object such as { \"company\": { \"name\": \"…\" } }."];
            return (change, errors);
        }
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "company" when p.Value.ValueKind == JsonValueKind.Object:
                    foreach (var c in p.Value.EnumerateObject())
                    {
                        if (c.Name == "logo") ReadLogo(c.Value, change, errors);
                        else if (SettingFields.Company.FirstOrDefault(f => f.Field == "company." + c.Name) is { } field) Text(field, c.Value, change, errors);
                        else errors["company." + c.Name] = [$"Unknown company field; expected one of {string.Join(", ", SettingFields.Company.Select(f => f.Field["company.".Length..]))}, logo."];
                    }
                    break;
                case "company":
                    errors["company"] = ["Expected an object of company fields."];
                    break;
                case "managementRecipients":
                    List(SettingFields.ManagementRecipients, p.Value, change, errors);
                    break;
                case "procurementRecipients":
                    List(SettingFields.ProcurementRecipients, p.Value, change, errors);
                    break;
                case "grievanceOfficers":
                    List(SettingFields.GrievanceOfficers, p.Value, change, errors);
                    break;
                case "publicBaseUrl":
                    Text(SettingFields.PublicBaseUrl, p.Value, change, errors);
                    break;
                case "supplierLinkGraceDays":
                    if (p.Value.ValueKind == JsonValueKind.Null) change.Values[SettingFields.GraceDays] = null;
                    else if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var days))
                        change.Values[SettingFields.GraceDays] = days.ToString(CultureInfo.InvariantCulture);
                    else errors[SettingFields.GraceDays.Field] = [$"Expected a whole number of days from 0 to {SettingFields.MaxGraceDays}, or null for the default ({SettingFields.DefaultGraceDays})."];
                    break;
                default:
                    errors[p.Name] = ["Unknown setting; expected company, managementRecipients, procurementRecipients, grievanceOfficers, publicBaseUrl or supplierLinkGraceDays."];
                    break;
            }
        }
        return (change, errors);
    }

    private static void Text(SettingField field, JsonElement value, SettingsChange change, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null) change.Values[field] = value.GetString();
        else errors[field.Field] = [$"{field.Label}: expected a string, or null to clear it."];
    }

    private static void List(SettingField field, JsonElement value, SettingsChange change, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) change.Values[field] = null;
        else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            change.Values[field] = string.Join('\n', value.EnumerateArray().Select(v => v.GetString()));
        else errors[field.Field] = [$"{field.Label}: expected an array of e-mail addresses, or null to clear it."];
    }

    private static void ReadLogo(JsonElement value, SettingsChange change, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            change.SetLogo(null);
            return;
        }
        const string expected = "Expected { \"contentType\": \"image/png\" or \"image/svg+xml\", \"data\": base64 }, or null to remove the logo.";
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("contentType", out var type) || type.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
        {
            errors["company.logo"] = [expected];
            return;
        }
        try
        {
            change.SetLogo(new Logo(type.GetString()!, Convert.FromBase64String(data.GetString()!)));
        }
        catch (FormatException)
        {
            errors["company.logo"] = ["The logo's data is not valid base64. " + expected];
        }
    }
}
