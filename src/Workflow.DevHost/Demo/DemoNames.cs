namespace Workflow.DevHost.Demo;

/// <summary>Deterministic, obviously fictitious supplier names for the demo.</summary>
public static class DemoNames
{
    private static readonly string[] First = ["Apex", "Boreal", "Cobalt Ridge", "Delta", "Everline", "Fulcrum", "Granite", "Harbor", "Ionic", "Juniper", "Keystone", "Lumen"];
    private static readonly string[] Second = ["Electronics", "Precision Parts", "Connectors", "Circuits", "Metalworks", "Magnetics", "Components", "Power Systems", "Cable", "Sensors", "Plating"];
    private static readonly string[] Countries = ["China", "United States", "Germany", "Japan", "Taiwan", "Mexico", "Korea, Republic of", "Malaysia", "India", "Czechia", "Canada"];

    public static string Company(int i) => $"{First[i % First.Length]} {Second[i / First.Length % Second.Length]} {(i / (First.Length * Second.Length)) switch { 0 => "Ltd.", _ => "Group" }}";
    public static string Domain(int i) => $"{Slug(Company(i))}-{i + 1}.example";
    public static string Country(int i) => Countries[i * 7 % Countries.Length];
    public static string Slug(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
