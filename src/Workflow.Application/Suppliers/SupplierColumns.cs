namespace Workflow.Application.Suppliers;

/// <summary>One column of a supplier import: its name as written in a header, whether it is required, and what it holds.</summary>
public sealed record SupplierColumn(string Name, bool Required, string Meaning);

/// <summary>
/// The columns of a supplier import (CSV header, XLSX first row, JSON property names), in the order the README and the
/// import form list them. Headers match without regard to case, spaces or underscores.
/// </summary>
public static class SupplierColumns
{
    public static readonly IReadOnlyList<SupplierColumn> All =
    [
        new("code", false, "your own supplier code (ERP vendor number); the key that finds the supplier again next year. Without one the e-mail is the key."),
        new("name", true, "the supplier's company name"),
        new("email", true, "the primary contact's e-mail (To: on every message)"),
        new("country", true, "country name or ISO code, e.g. Germany or DE"),
        new("contactName", false, "the primary contact's name"),
        new("contactEmails", false, "other contacts, separated by ';' (Cc: on every message)"),
        new("spend", false, "annual spend with the supplier (a number, dot as decimal separator)"),
        new("deliveryQuantity", false, "quantity delivered in the period (a number)"),
        new("priority", false, "launch priority, 1 first (for launching in waves)"),
        new("inScope", false, "yes/no: in scope of this campaign (default yes)"),
        new("scopeReason", false, "why the supplier is in or out of scope this year"),
        new("language", false, "language of the supplier's messages: en, de, fr, es, zh, ja (default en)"),
        new("parts", false, "our part numbers bought from the supplier, separated by ';'"),
    ];

    /// <summary>One filled-in row, column by column, for the import form's example (every column has one).</summary>
    public static readonly IReadOnlyDictionary<string, string> Example = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = "V-10042", ["name"] = "Muster Metall GmbH", ["email"] = "cmrt@muster-metall.example", ["country"] = "DE",
        ["contactName"] = "Anna Muster", ["contactEmails"] = "quality@muster-metall.example", ["spend"] = "125000.00",
        ["deliveryQuantity"] = "4800", ["priority"] = "1", ["inScope"] = "yes", ["scopeReason"] = "solder supplier",
        ["language"] = "de", ["parts"] = "P-100;P-200",
    };

    /// <summary>The example as CSV: the header line, then the row (a value with a comma or quote is quoted).</summary>
    public static string ExampleCsv =>
        string.Join(",", All.Select(c => c.Name)) + "\n" + string.Join(",", All.Select(c => Example.GetValueOrDefault(c.Name, "")));

    public static string Normalise(string header) => header.Trim().Replace("_", "").Replace(" ", "").ToLowerInvariant();

    public static bool IsKnown(string normalised) => All.Any(c => Normalise(c.Name) == normalised);

    public static string Names => string.Join(", ", All.Select(c => c.Name));
}
