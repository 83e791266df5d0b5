using Workflow.Application.Products;

namespace Workflow.DevHost.Demo;

/// <summary>
/// A small product catalogue in the seed company's two families (wind and grid) with a bill of materials over the demo
/// suppliers, so product determinations and the product-level request have something to show. Deterministic.
/// </summary>
public static class DemoProducts
{
    public const string ServicesProduct = "SV-PLAN";

    private static readonly (string Number, string Name, string Family)[] Catalogue =
    [
        ("WT-ECS-2", "Wind turbine electrical control system, 2 MW", "Wind"),
        ("WT-ECS-3", "Wind turbine electrical control system, 3 MW", "Wind"),
        ("WT-PCM-1", "Pitch control module", "Wind"),
        ("GR-DVAR-1", "D-VAR reactive power compensation system", "Grid"),
        ("GR-SVC-1", "Static VAR compensator", "Grid"),
        ("GR-HTS-1", "Superconductor power cable system", "Grid"),
        ("GR-SPS-1", "Ship protection system", "Grid"),
        (ServicesProduct, "Transmission planning services", "Services"),
    ];

    /// <summary>
    /// The bill-of-materials rows: six parts per physical product from suppliers spread over the list, one control board
    /// shared by both wind converters, and a part from each of the first two suppliers naming a smelter of concern (so
    /// their red flags ask for a product-level CMRT, as the seed's escalation plan did). The other suppliers naming one stay
    /// out of the bill of materials: their cases go to management, where the demo shows escalations (one risk accepted).
    /// </summary>
    public static List<(int Row, ProductInput Input)> BillOfMaterials(IReadOnlyList<DemoSupplierProfile> profiles, Func<int, string> emailOf)
    {
        var rows = new List<(int, ProductInput)>();
        void Add(int product, string part, int supplier)
        {
            var (number, name, family) = Catalogue[product];
            rows.Add((rows.Count + 2, new ProductInput
            {
                ProductNumber = number, ProductName = name, Family = family, PartNumber = part,
                SupplierEmail = emailOf(supplier), SupplierPartNumber = SupplierPartNumber(supplier, part),
            }));
        }

        List<int> Of(DemoSupplierProfile profile) => Enumerable.Range(0, profiles.Count).Where(i => profiles[i] == profile).ToList();
        var eligible = Enumerable.Range(0, profiles.Count)
            .Where(i => profiles[i] is not (DemoSupplierProfile.RedFlagRiskAccepted or DemoSupplierProfile.RedFlagSmelter)).ToList();
        for (var p = 0; p < Catalogue.Length; p++)
        {
            if (Catalogue[p].Number == ServicesProduct)
            {
                var (number, name, family) = Catalogue[p];
                rows.Add((rows.Count + 2, new ProductInput { ProductNumber = number, ProductName = name, Family = family }));
                continue;
            }
            // The pitch control module and the ship protection system are bought from suppliers whose answers settle the
            // origin, so the demo shows determinations other than "undeterminable".
            var pool = Catalogue[p].Number switch
            {
                "WT-PCM-1" => Of(DemoSupplierProfile.NotFromCoveredCountries),
                "GR-SPS-1" => [.. Of(DemoSupplierProfile.RecycledOrScrap), .. Of(DemoSupplierProfile.NoConflictMinerals).Take(2)],
                _ => eligible,
            };
            for (var k = 0; k < 6; k++)
                Add(p, $"P-{1000 + p * 10 + k}", pool[(p * 17 + k * 29) % pool.Count]);
        }
        Add(1, "P-1000", eligible[0]); // the 2 MW control board in the 3 MW converter too
        var concerns = Enumerable.Range(0, profiles.Count).Where(i => profiles[i] == DemoSupplierProfile.RedFlagSmelter).Take(2).ToList();
        Add(0, "P-1090", concerns[0]);
        Add(3, "P-1091", concerns[1]);
        return rows;
    }

    /// <summary>
    /// The number the supplier sells the part under: for the demo suppliers that answer at product level
    /// (<see cref="DemoWorkbooks"/>), the first product their CMRT lists, so their product-level CMRT covers it.
    /// </summary>
    private static string SupplierPartNumber(int supplier, string part) => supplier % 7 == 0
        ? $"P-{supplier:000}-1"
        : $"{DemoNames.Slug(DemoNames.Company(supplier))[..4].ToUpperInvariant()}-{part[2..]}";
}
