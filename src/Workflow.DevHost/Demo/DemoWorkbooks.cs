using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Cmrt.Writing;

namespace Workflow.DevHost.Demo;

/// <summary>Generates the CMRT 6.5 workbook a demo supplier sends for its profile.</summary>
public sealed class DemoWorkbooks(SmelterReferenceList smelters, int seed, DateOnly today)
{
    private readonly SmelterReference[] _ordinary = smelters.All.Where(s => !DemoSmelters.CoveredCountries.Contains(s.Country)).OrderBy(s => s.Cid).ToArray();
    private readonly SmelterReference[] _covered = smelters.All.Where(s => DemoSmelters.CoveredCountries.Contains(s.Country)).OrderBy(s => s.Cid).ToArray();

    /// <param name="concernOrdinal">For red-flag profiles: which of the covered-country smelters this supplier names,
    /// so that the red-flag suppliers together name each of them (the seed found six).</param>
    public byte[] For(int index, string company, string email, DemoSupplierProfile profile, bool corrected = false, int concernOrdinal = 0)
    {
        var random = new Random(seed + index);
        var productLevel = index % 7 == 0;
        var spec = new CmrtWorkbookSpec
        {
            CompanyName = company,
            Scope = productLevel ? "B. Product (or List of Products)" : "A. Company",
            ContactName = $"Compliance desk {index}",
            ContactEmail = email,
            ContactPhone = $"+1 555 {index:0000}",
            AuthorizerName = $"Director {index}",
            AuthorizerTitle = "Director of Quality",
            AuthorizerEmail = email,
            EffectiveDate = today.AddDays(-(index % 40)),
            CompanyAnswers = ["Yes", "Yes", "Yes", "Yes", "Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes", "Yes", "Yes, with the SEC"],
            CompanyComments = [null, $"https://www.{Slug(company)}.example/responsible-minerals", null, null, null, null, null, null],
            Products = productLevel ? [new ProductLine($"P-{index:000}-1", "Connector assembly"), new ProductLine($"P-{index:000}-2", "Power module")] : [],
        };
        if (index % 5 == 0) spec = spec with { CompanyAnswers = ["Yes", "No", "Yes", "No", "Yes, in conformance with IPC1755 (e.g., CMRT)", "No", "No", "No"], CompanyComments = new string?[8] };

        var covered = profile switch
        {
            DemoSupplierProfile.Undetermined => "Unknown",
            _ => "No",
        };
        var recycled = profile == DemoSupplierProfile.RecycledOrScrap ? "Yes" : "No";
        if (profile == DemoSupplierProfile.NoConflictMinerals)
            return CmrtWorkbookWriter.Write(spec with { MetalAnswers = Enum.GetValues<Metal>().ToDictionary(m => m, _ => new string?[] { "No", "No" }) });

        var metals = Enum.GetValues<Metal>().Where(_ => random.NextDouble() < 0.8).DefaultIfEmpty(Metal.Tin).ToArray();
        var answers = Enum.GetValues<Metal>().ToDictionary(m => m, m => metals.Contains(m)
            ? new string?[] { "Yes", "Yes", covered, "No", recycled, random.NextDouble() < 0.6 ? "100%" : "Greater than 90%", "Yes", "Yes" }
            : new string?[] { "No", "No" });

        var lines = new List<SmelterLine>();
        foreach (var metal in metals)
        {
            var pool = _ordinary.Where(s => s.Metal == metal).ToArray();
            foreach (var s in pool.OrderBy(_ => random.Next()).Take(random.Next(6, 24)))
                lines.Add(new SmelterLine(metal.ToString(), s.StandardName, s.StandardName, s.Country, s.Cid));
        }
        if (profile is DemoSupplierProfile.RedFlagSmelter or DemoSupplierProfile.RedFlagRiskAccepted)
        {
            var concern = _covered[concernOrdinal % _covered.Length];
            answers[concern.Metal] = ["Yes", "Yes", "Yes", "No", "No", "100%", "Yes", "Yes"];
            lines.Add(new SmelterLine(concern.Metal.ToString(), concern.StandardName, concern.StandardName, concern.Country, concern.Cid));
        }
        spec = spec with { MetalAnswers = answers, Smelters = lines };

        if (profile is DemoSupplierProfile.StillInvalid or DemoSupplierProfile.InvalidThenCorrected && !corrected)
            spec = (index % 3) switch
            {
                0 => spec with { ContactEmail = "compliance at supplier" },
                1 => spec with { CompanyName = null },
                _ => spec with { Smelters = [] },
            };
        return CmrtWorkbookWriter.Write(spec);
    }

    private static string Slug(string company) => new(company.ToLowerInvariant().Where(char.IsLetterOrDigit).Take(20).ToArray());
}
