using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Rules.Bench;

/// <summary>
/// Deterministic synthetic data shaped like the seed: most smelters conformant, a few active, a few in covered
/// countries, a few rows not listed or not yet identified, mostly company-level declarations.
/// </summary>
public static class SyntheticData
{
    private static readonly string[] Countries =
    [
        "China", "Japan", "United States", "Germany", "Switzerland", "Indonesia", "Malaysia", "Peru", "Brazil",
        "Russian Federation", "Korea, Republic of", "Thailand", "Bolivia", "India", "Belgium", "Austria", "Canada",
        "Mexico", "Viet Nam", "Taiwan", "South Africa", "Australia", "Turkey", "Uzbekistan", "Kazakhstan",
    ];

    private static readonly string[] CoveredCountries = ["Rwanda", "Democratic Republic of the Congo", "Uganda", "Tanzania", "Burundi"];

    public static SmelterReferenceList ReferenceList(int count, int seed = 1500)
    {
        var random = new Random(seed);
        var entries = new List<SmelterReference>(count);
        for (var i = 1; i <= count; i++)
        {
            var metal = (Metal)(i % 4);
            var country = random.NextDouble() < 0.02 ? CoveredCountries[random.Next(CoveredCountries.Length)] : Countries[random.Next(Countries.Length)];
            var p = random.NextDouble();
            var status = p < 0.78 ? "Conformant" : p < 0.88 ? "Active" : p < 0.95 ? null : "Non-Conformant";
            entries.Add(new SmelterReference($"CID{i:D6}", metal, $"Synthetic {metal} Smelter {i}", country, AuditStatus: status));
        }
        return new SmelterReferenceList($"synthetic-{count}", entries);
    }

    public static List<CmrtDeclaration> Declarations(int count, SmelterReferenceList list, int minRows, int maxRows, int seed = 42)
    {
        var random = new Random(seed);
        var refs = list.All.OrderBy(r => r.Cid, StringComparer.Ordinal).ToArray();
        var result = new List<CmrtDeclaration>(count);
        for (var n = 0; n < count; n++)
        {
            var rows = random.Next(minRows, maxRows + 1);
            var smelters = new List<SmelterRow>(rows);
            for (var r = 0; r < rows; r++)
            {
                var p = random.NextDouble();
                var reference = refs[random.Next(refs.Length)];
                smelters.Add(p switch
                {
                    < 0.01 => new SmelterRow
                    {
                        RowNumber = 5 + r, Metal = reference.Metal, Kind = SmelterRowKind.NotYetIdentified,
                        LookupName = "Smelter not yet identified", Name = "Unknown", Country = "Unknown",
                    },
                    < 0.03 => new SmelterRow
                    {
                        RowNumber = 5 + r, Metal = reference.Metal, Kind = SmelterRowKind.NotListed,
                        LookupName = "Smelter not listed", Name = $"Trader {random.Next(1000)}",
                        Country = Countries[random.Next(Countries.Length)],
                    },
                    _ => new SmelterRow
                    {
                        RowNumber = 5 + r, Metal = reference.Metal, Kind = SmelterRowKind.Listed,
                        LookupName = reference.StandardName, Name = reference.StandardName, Country = reference.Country,
                        IdRaw = reference.Cid, Cid = reference.Cid, CidSource = "workbook",
                    },
                });
            }
            result.Add(Declaration(random, smelters));
        }
        return result;
    }

    private static CmrtDeclaration Declaration(Random random, List<SmelterRow> smelters)
    {
        AnswerCell Cell(Answer a, string loc) => new(a.ToString(), a, loc);
        var metals = Enum.GetValues<Metal>().Select(metal =>
        {
            var row = 38 + (int)metal;
            var inScope = random.NextDouble() < 0.9;
            var covered = random.NextDouble() switch { < 0.05 => Answer.Yes, < 0.25 => Answer.Unknown, _ => Answer.No };
            var rate = random.NextDouble() < 0.8 ? 100 : 50;
            return new MetalAnswers
            {
                Metal = metal,
                IntentionallyAdded = Cell(inScope ? Answer.Yes : Answer.No, $"Declaration!D{row - 12}"),
                RemainsInProduct = Cell(inScope ? Answer.Yes : Answer.No, $"Declaration!D{row - 6}"),
                CoveredCountrySourcing = Cell(covered, $"Declaration!D{row}"),
                CahraSourcing = Cell(Answer.No, $"Declaration!D{row + 6}"),
                RecycledOrScrap = Cell(random.NextDouble() < 0.05 ? Answer.Yes : Answer.No, $"Declaration!D{row + 12}"),
                SupplierResponse = new AnswerCell(rate == 100 ? "100%" : "50% or less", Answer.Yes, $"Declaration!D{row + 18}"),
                ResponseRate = new ResponseRate(rate, rate == 100),
                AllSmeltersIdentified = Cell(random.NextDouble() < 0.85 ? Answer.Yes : Answer.No, $"Declaration!D{row + 24}"),
                AllInformationReported = Cell(Answer.Yes, $"Declaration!D{row + 30}"),
                InScope = inScope,
            };
        }).ToList();
        var yes = random.NextDouble() < 0.6 ? Answer.Yes : Answer.No;
        return new CmrtDeclaration
        {
            Version = "6.5",
            Family = 6,
            Company = new CompanyInfo { Name = $"Supplier {random.Next(100000)}" },
            Scope = random.NextDouble() < 0.8 ? DeclarationScope.Company : DeclarationScope.Product,
            Metals = metals,
            CompanyQuestions = new CompanyAnswers
            {
                Policy = Cell(Answer.Yes, "Declaration!D75"),
                DueDiligenceMeasures = Cell(yes, "Declaration!D81"),
                ReviewsSupplierInformation = Cell(Answer.Yes, "Declaration!D85"),
                CorrectiveAction = Cell(yes, "Declaration!D87"),
            },
            Smelters = smelters,
            Products = [],
        };
    }
}
