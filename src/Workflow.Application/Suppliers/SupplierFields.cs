using System.Globalization;

namespace Workflow.Application.Suppliers;

/// <summary>
/// The register's editable fields, merged and compared one way for imports, PATCH and merges: each difference is a
/// <see cref="FieldChange"/> with the old and new value as text, which is what the audit keeps.
/// </summary>
public static class SupplierFields
{
    /// <summary>
    /// The record as an import row would leave it: a field the row leaves empty stays as it is, and a value that
    /// differs only in case (code, e-mail, language) or in order (contact lists) is no change, and parts are only added.
    /// </summary>
    public static SupplierRecord Merge(SupplierRecord r, SupplierInput input) => r with
    {
        Code = Keep(r.Code, input.Code, ignoreCase: true),
        Name = Keep(r.Name, input.Name)!,
        Email = Keep(r.Email, input.Email, ignoreCase: true)!,
        Country = Keep(r.Country, input.Country),
        ContactName = Keep(r.ContactName, input.ContactName),
        ContactEmails = KeepSet(r.ContactEmails, input.ContactEmails, ignoreCase: true),
        Spend = input.Spend ?? r.Spend,
        DeliveryQuantity = input.DeliveryQuantity ?? r.DeliveryQuantity,
        Priority = input.Priority ?? r.Priority,
        Language = Keep(r.Language, SupplierLanguages.Normalise(input.Language) is { } code && !string.IsNullOrWhiteSpace(input.Language) ? code : input.Language, ignoreCase: true)!,
        Parts = AddTo(r.Parts, input.Parts),
    };

    /// <summary>
    /// The supplier's parts with the given ones added: they are part sources of the bill of materials now, which a
    /// supplier row adds to but never shrinks (a part is dropped from a supplier in the bill of materials).
    /// </summary>
    public static IReadOnlyList<string> AddTo(IReadOnlyList<string> current, IReadOnlyList<string>? given)
    {
        var added = (given ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => !current.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        return added.Count == 0 ? current : [.. current, .. added];
    }

    /// <summary>Every field that differs between two states of one record.</summary>
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

    public static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    public static string? Join(IEnumerable<string> values) => values.Any() ? string.Join("; ", values) : null;

    private static string? Keep(string? current, string? given, bool ignoreCase = false)
    {
        if (given is null) return current;
        given = given.Trim();
        return string.Equals(current, given, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) ? current : given;
    }

    private static IReadOnlyList<string> KeepSet(IReadOnlyList<string> current, IReadOnlyList<string>? given, bool ignoreCase)
    {
        if (given is null) return current;
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var wanted = given.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(comparer).ToList();
        return current.ToHashSet(comparer).SetEquals(wanted) ? current : wanted;
    }
}
