using System.Globalization;
using System.Net.Mail;

namespace Workflow.Application.Settings;

/// <summary>
/// A change to the settings as asked for (from the API's JSON or the page's form): only the fields given change;
/// a null value clears the field. <see cref="LogoGiven"/> with a null <see cref="Logo"/> removes the logo.
/// </summary>
public sealed class SettingsChange
{
    public Dictionary<SettingField, string?> Values { get; } = [];
    public bool LogoGiven { get; private set; }
    public Logo? Logo { get; private set; }

    public void SetLogo(Logo? logo) => (LogoGiven, Logo) = (true, logo);
}

/// <summary>The outcome of a save: the fields that changed, or per field what was expected instead.</summary>
public sealed record SettingsSaveResult(IReadOnlyList<string> Changed, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>Checks a change (e-mail addresses, an absolute http(s) URL, 0–365 days, the logo) and stores it with its history.</summary>
public sealed class SettingsEditor(SettingsStore store, EffectiveSettings settings)
{
    public async Task<SettingsSaveResult> SaveAsync(SettingsChange change, string actor, CancellationToken ct = default)
    {
        var current = await settings.GetAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, string?>();
        foreach (var (field, raw) in change.Values)
        {
            if (current.FromConfiguration(field))
            {
                errors[field.Field] = [$"{field.Label} is set by the operator's configuration ({field.ConfigurationKey}); change it there."];
                continue;
            }
            var (value, problem) = Normalize(field, raw);
            if (problem is not null) errors[field.Field] = [problem];
            else values[field.StorageKey] = value;
        }
        if (change.LogoGiven && change.Logo is { } logo && LogoCheck.Problem(logo.ContentType, logo.Data) is { } logoProblem)
            errors["company.logo"] = [logoProblem];
        if (errors.Count > 0) return new SettingsSaveResult([], errors);
        var changed = await store.SaveAsync(values, change.LogoGiven, change.Logo, actor, ct);
        return new SettingsSaveResult(changed, errors);
    }

    /// <summary>The value as stored (null = cleared), or what was expected.</summary>
    public static (string? Value, string? Problem) Normalize(SettingField field, string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text)) return (null, null);
        switch (field.Kind)
        {
            case SettingKind.Email:
                return IsAddress(text) ? (text, null) : (null, $"{field.Label}: expected one e-mail address such as name@example.com, got '{Short(text)}'.");
            case SettingKind.EmailList:
                var addresses = EffectiveSettings.SplitList(text);
                var bad = addresses.Where(a => !IsAddress(a)).ToList();
                return bad.Count == 0
                    ? (string.Join('\n', addresses.Distinct(StringComparer.OrdinalIgnoreCase)), null)
                    : (null, $"{field.Label}: expected e-mail addresses (one per line); not an address: {string.Join(", ", bad.Select(b => $"'{Short(b)}'"))}.");
            case SettingKind.Url:
                return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                    ? (text.TrimEnd('/'), null)
                    : (null, $"{field.Label}: expected an absolute http(s) URL such as https://cmrt.example.com, got '{Short(text)}'.");
            case SettingKind.Days:
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days is >= 0 and <= SettingFields.MaxGraceDays
                    ? (days.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Label}: expected a whole number of days from 0 to {SettingFields.MaxGraceDays}, got '{Short(text)}'.");
            default:
                return text.Length <= 500 ? (text, null) : (null, $"{field.Label}: expected at most 500 characters, got {text.Length}.");
        }
    }

    private static bool IsAddress(string s) =>
        MailAddress.TryCreate(s, out var a) && string.Equals(a.Address, s, StringComparison.Ordinal) && a.Host.Contains('.');

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
