namespace Workflow.Application.Suppliers;

/// <summary>
/// The languages a supplier can be written to in: the supplier page, the e-mail templates and the finding texts exist in
/// each. A register row names one by its code; a regional form ("de-DE", "zh_CN") is stored as its language.
/// </summary>
public static class SupplierLanguages
{
    public const string Default = "en";

    /// <summary>English, German, Simplified Chinese, Japanese, Spanish, French.</summary>
    public static readonly IReadOnlyList<string> All = ["en", "de", "zh", "ja", "es", "fr"];

    /// <summary>The code a register value stands for ("DE-de" → "de"), or null when it is none of <see cref="All"/>.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Default;
        var code = value.Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code[..dash];
        return All.Contains(code) ? code : null;
    }
}
