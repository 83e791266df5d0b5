namespace Workflow.Application.Grievances;

/// <summary>What a concern is about, in one word for the report and one line for people.</summary>
public static class ConcernSubjects
{
    public const string Smelter = "smelter";
    public const string Supplier = "supplier";
    public const string Country = "country";
    public const string Metal = "metal";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Smelter, Supplier, Country, Metal, Other];

    /// <summary>The most specific thing named: a smelter before a supplier before a country before a metal.</summary>
    public static string Of(string? smelter, string? supplier, string? country, string? metal) =>
        !string.IsNullOrWhiteSpace(smelter) ? Smelter
        : !string.IsNullOrWhiteSpace(supplier) ? Supplier
        : !string.IsNullOrWhiteSpace(country) ? Country
        : !string.IsNullOrWhiteSpace(metal) ? Metal
        : Other;

    /// <summary>"smelter Example Refinery (CID001234), gold, Rwanda"; "not specified" when nothing was named.</summary>
    public static string Describe(string? smelter, string? supplier, string? country, string? metal)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(smelter)) parts.Add("smelter " + smelter.Trim());
        if (!string.IsNullOrWhiteSpace(supplier)) parts.Add("supplier " + supplier.Trim());
        if (!string.IsNullOrWhiteSpace(metal)) parts.Add(metal.Trim());
        if (!string.IsNullOrWhiteSpace(country)) parts.Add(country.Trim());
        return parts.Count == 0 ? "not specified" : string.Join(", ", parts);
    }
}
