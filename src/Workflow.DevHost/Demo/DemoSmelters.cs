using System.Globalization;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.DevHost.Demo;

/// <summary>
/// A synthetic, clearly labelled smelter reference list for the demo (RMI's list cannot ship with the code):
/// 350 facilities across the four metals, most audited, a handful in covered countries.
/// </summary>
public static class DemoSmelters
{
    public const string Version = "demo-synthetic-2026";

    private static readonly string[] Countries =
        ["Japan", "China", "Germany", "Switzerland", "United States of America", "Brazil", "Peru", "Indonesia", "Malaysia",
         "Thailand", "Korea, Republic of", "Belgium", "Canada", "Australia", "Mexico", "Russian Federation", "Kazakhstan",
         "Bolivia (Plurinational State of)", "Austria", "India", "Viet Nam", "Estonia", "Philippines", "South Africa"];

    /// <summary>Covered countries, spelled as the RMI look-up spells them.</summary>
    public static readonly string[] CoveredCountries = ["Rwanda", "Congo, Democratic Republic of the", "Uganda", "Burundi", "Tanzania, United Republic of", "Zambia"];

    private static readonly (Metal Metal, int Count, string[] Words)[] Plan =
    [
        (Metal.Gold, 150, ["Aurum", "Goldfield", "Precious Metals", "Bullion", "Refinery", "Mint"]),
        (Metal.Tin, 85, ["Stannum", "Tin Works", "Smelting", "Solder Metals", "Timah", "Estanho"]),
        (Metal.Tantalum, 45, ["Tantalite", "Capacitor Metals", "Niobium-Tantalum", "Hi-Temp", "Rare Metals"]),
        (Metal.Tungsten, 70, ["Wolfram", "Tungsten Carbide", "Hard Metals", "APT Chemicals", "Scheelite"]),
    ];

    public static SmelterReferenceList Create()
    {
        var random = new Random(2016);
        var entries = new List<SmelterReference>();
        var n = 0;
        foreach (var (metal, count, words) in Plan)
        {
            for (var i = 0; i < count; i++)
            {
                n++;
                // Six facilities sit in covered countries (the seed found six smelters of concern); like the seed's,
                // they are all audited conformant.
                var covered = i < (metal is Metal.Gold or Metal.Tin ? 2 : 1);
                var country = covered ? CoveredCountries[n % CoveredCountries.Length] : Countries[random.Next(Countries.Length)];
                var name = $"{words[random.Next(words.Length)]} {Suffix(random)} {metal} {i + 1:000}";
                var status = n switch
                {
                    _ when covered => "Conformant",
                    _ when n % 29 == 0 => "Active",
                    _ when n % 11 == 0 => null,
                    _ => "Conformant",
                };
                entries.Add(new SmelterReference($"CID9{n:00000}", metal, name, country, null, null, [name.ToUpperInvariant()], status));
            }
        }
        return new SmelterReferenceList(Version, entries);
    }

    private static string Suffix(Random random) =>
        new[] { "Co., Ltd.", "S.A.", "GmbH", "Corporation", "Industries", "Refining", "Metals Inc." }[random.Next(7)].ToString(CultureInfo.InvariantCulture);
}
