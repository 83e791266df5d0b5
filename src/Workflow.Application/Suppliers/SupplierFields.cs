using System.Globalization;

namespace Workflow.Application.Suppliers;

/// <summary>
/// The register's editable fields, compared and written one way for imports, PATCH and merges: each change is a
/// <see cref="FieldChange"/> with the old and new value as text, which is what the audit keeps.
/// </summary>
public static class SupplierFields
{
    /// <summary>The changes <paramref name="input"/> makes to <paramref name="current"/>; a field the input leaves null is left alone.</summary>
    public static List<FieldChange> Diff(SupplierRecord current, SupplierInput input)
    {
        var changes = new List<FieldChange>();
        void Text(string field, string? from, string? to, bool caseInsensitive = false)
        {
            if (to is null) return;
            to = to.Trim();
            if (string.Equals(from, to, caseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) return;
            changes.Add(new FieldChange(current.Id, current.Name, field, from, to));
        }
        void Number(string field, decimal? from, decimal? to)
        {
            if (to is null || from == to) return;
            changes.Add(new FieldChange(current.Id, current.Name, field, Format(from), Format(to)));
        }
        void Set(string field, IReadOnlyList<string> from, IReadOnlyList<string>? to, bool caseInsensitive)
        {
            if (to is null) return;
            var comparer = caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var wanted = to.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(comparer).ToList();
            if (from.ToHashSet(comparer).SetEquals(wanted)) return;
            changes.Add(new FieldChange(current.Id, current.Name, field, Join(from), Join(wanted)));
        }
        Text("code", current.Code, input.Code, caseInsensitive: true);
        Text("name", current.Name, input.Name);
        Text("email", current.Email, input.Email, caseInsensitive: true);
        Text("country", current.Country, input.Country);
        Text("contactName", current.ContactName, input.ContactName);
        Set("contactEmails", current.ContactEmails, input.ContactEmails, caseInsensitive: true);
        Number("spend", current.Spend, input.Spend);
        Number("deliveryQuantity", current.DeliveryQuantity, input.DeliveryQuantity);
        Number("priority", current.Priority, input.Priority);
        Text("language", current.Language, input.Language, caseInsensitive: true);
        Set("parts", current.Parts, input.Parts, caseInsensitive: false);
        return changes;
    }

    /// <summary>Every field that differs between two states of one record (PATCH, merge).</summary>
    public static List<FieldChange> Compare(SupplierRecord before, SupplierRecord after)
    {
        var changes = new List<FieldChange>();
        void Add(string field, string? from, string? to)
        {
            if (from != to) changes.Add(new FieldChange(before.Id, before.Name, field, from, to));
        }
        Add("code", before.Code, after.Code);
        Add("name", before.Name, after.Name);
        Add("email", before.Email, after.Email);
        Add("country", before.Country, after.Country);
        Add("contactName", before.ContactName, after.ContactName);
        Add("contactEmails", Join(before.ContactEmails), Join(after.ContactEmails));
        Add("spend", Format(before.Spend), Format(after.Spend));
        Add("deliveryQuantity", Format(before.DeliveryQuantity), Format(after.DeliveryQuantity));
        Add("priority", Format(before.Priority), Format(after.Priority));
        Add("language", before.Language, after.Language);
        Add("parts", Join(before.Parts), Join(after.Parts));
        return changes;
    }

    /// <summary>The record with the changes applied (for the UPDATE statement).</summary>
    public static SupplierRecord Apply(SupplierRecord r, IEnumerable<FieldChange> changes)
    {
        foreach (var c in changes)
        {
            r = c.Field switch
            {
                "code" => r with { Code = c.To },
                "name" => r with { Name = c.To! },
                "email" => r with { Email = c.To! },
                "country" => r with { Country = c.To },
                "contactName" => r with { ContactName = c.To },
                "contactEmails" => r with { ContactEmails = Split(c.To) },
                "spend" => r with { Spend = ParseNumber(c.To) },
                "deliveryQuantity" => r with { DeliveryQuantity = ParseNumber(c.To) },
                "priority" => r with { Priority = ParseNumber(c.To) is { } p ? (int)p : null },
                "language" => r with { Language = c.To ?? "en" },
                "parts" => r with { Parts = Split(c.To) },
                _ => r,
            };
        }
        return r;
    }

    public static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static decimal? ParseNumber(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
    public static string? Join(IEnumerable<string> values) => values.Any() ? string.Join("; ", values) : null;
    public static IReadOnlyList<string> Split(string? text) => text?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
