using Workflow.Cmrt.Model;

namespace Workflow.Rules.Tests.Support;

/// <summary>
/// Builds CmrtDeclaration records the way the reader would produce them, starting from a clean 6.x company-level
/// declaration: every metal in scope, not from covered countries, 100% responses, all smelters identified, and a
/// strong program. Tests change only what they are about.
/// </summary>
public sealed class DeclarationBuilder
{
    private static readonly int[] MetalRows = [38, 39, 40, 41];
    private readonly Dictionary<Metal, MetalAnswers> _metals = new();
    private readonly List<SmelterRow> _smelters = [];
    private CompanyAnswers _company;
    private DeclarationScope _scope = DeclarationScope.Company;
    private string _version = "6.5";
    private int _family = 6;

    public DeclarationBuilder()
    {
        foreach (var metal in Enum.GetValues<Metal>())
        {
            var r = MetalRows[(int)metal];
            _metals[metal] = new MetalAnswers
            {
                Metal = metal,
                IntentionallyAdded = Cell("Yes", $"Declaration!D{r - 12}"),
                RemainsInProduct = Cell("Yes", $"Declaration!D{r - 6}"),
                CoveredCountrySourcing = Cell("No", $"Declaration!D{r}"),
                CahraSourcing = Cell("No", $"Declaration!D{r + 6}"),
                RecycledOrScrap = Cell("No", $"Declaration!D{r + 12}"),
                SupplierResponse = Cell("100%", $"Declaration!D{r + 18}"),
                ResponseRate = new ResponseRate(100, true),
                AllSmeltersIdentified = Cell("Yes", $"Declaration!D{r + 24}"),
                AllInformationReported = Cell("Yes", $"Declaration!D{r + 30}"),
                InScope = true,
            };
        }
        _company = new CompanyAnswers
        {
            Policy = Cell("Yes", "Declaration!D75"),
            PolicyPublic = Cell("Yes", "Declaration!D77"),
            RequiresValidatedSmelters = Cell("Yes", "Declaration!D79"),
            DueDiligenceMeasures = Cell("Yes", "Declaration!D81"),
            SurveysSuppliers = Cell("Yes, in conformance with IPC1755 (e.g., CMRT)", "Declaration!D83"),
            ReviewsSupplierInformation = Cell("Yes", "Declaration!D85"),
            CorrectiveAction = Cell("Yes", "Declaration!D87"),
            FilesDisclosure = Cell("No", "Declaration!D89"),
        };
    }

    public static DeclarationBuilder Clean() => new();

    public static AnswerCell Cell(string? raw, string location) => new(raw, raw switch
    {
        null or "" => Answer.Blank,
        "Yes" or "100%" => Answer.Yes,
        "No" => Answer.No,
        "Unknown" => Answer.Unknown,
        _ when raw.StartsWith("Yes", StringComparison.Ordinal) => Answer.Yes,
        _ => Answer.NotAllowed,
    }, location);

    public DeclarationBuilder Version(string version, int family)
    {
        _version = version;
        _family = family;
        return this;
    }

    public DeclarationBuilder Scope(DeclarationScope scope)
    {
        _scope = scope;
        return this;
    }

    public DeclarationBuilder Metal(Metal metal, Func<MetalAnswers, MetalAnswers> change)
    {
        _metals[metal] = change(_metals[metal]);
        return this;
    }

    public DeclarationBuilder AllMetals(Func<MetalAnswers, MetalAnswers> change)
    {
        foreach (var m in Enum.GetValues<Metal>()) Metal(m, change);
        return this;
    }

    public DeclarationBuilder OnlyInScope(params Metal[] metals) =>
        AllMetals(m => metals.Contains(m.Metal) ? m : m with
        {
            IntentionallyAdded = Cell("No", m.IntentionallyAdded.Location),
            RemainsInProduct = Cell("No", m.RemainsInProduct!.Location),
            InScope = false,
        });

    public DeclarationBuilder NoneInScope() => OnlyInScope();

    public DeclarationBuilder CoveredCountrySourcing(Metal metal, string answer) =>
        Metal(metal, m => m with { CoveredCountrySourcing = Cell(answer, m.CoveredCountrySourcing.Location) });

    public DeclarationBuilder Recycled(Metal metal, string answer = "Yes") =>
        Metal(metal, m => m with { RecycledOrScrap = Cell(answer, m.RecycledOrScrap.Location) });

    public DeclarationBuilder Company(Func<CompanyAnswers, CompanyAnswers> change)
    {
        _company = change(_company);
        return this;
    }

    public DeclarationBuilder Smelter(Metal metal, string cid, string? name = null, string? country = null)
    {
        _smelters.Add(new SmelterRow
        {
            RowNumber = 5 + _smelters.Count,
            Metal = metal,
            MetalRaw = metal.ToString(),
            Kind = SmelterRowKind.Listed,
            LookupName = name,
            Name = name,
            Country = country,
            IdRaw = cid,
            Cid = cid,
            CidSource = "workbook",
        });
        return this;
    }

    public DeclarationBuilder SmelterNotListed(Metal metal, string name, string country)
    {
        _smelters.Add(new SmelterRow
        {
            RowNumber = 5 + _smelters.Count,
            Metal = metal,
            MetalRaw = metal.ToString(),
            Kind = SmelterRowKind.NotListed,
            LookupName = "Smelter not listed",
            Name = name,
            Country = country,
        });
        return this;
    }

    public DeclarationBuilder SmelterNotYetIdentified(Metal metal)
    {
        _smelters.Add(new SmelterRow
        {
            RowNumber = 5 + _smelters.Count,
            Metal = metal,
            MetalRaw = metal.ToString(),
            Kind = SmelterRowKind.NotYetIdentified,
            LookupName = "Smelter not yet identified",
            Name = "Unknown",
            Country = "Unknown",
        });
        return this;
    }

    public CmrtDeclaration Build() => new()
    {
        Version = _version,
        Family = _family,
        Company = new CompanyInfo { Name = "Acme Components Ltd", ContactEmail = "compliance@acme.example" },
        Scope = _scope,
        ScopeRaw = _scope.ToString(),
        Metals = Enum.GetValues<Metal>().Select(m => _metals[m]).ToList(),
        CompanyQuestions = _company,
        Smelters = _smelters.ToList(),
        Products = _scope == DeclarationScope.Product ? [new ProductRow(6, "P-100", "Widget", null)] : [],
    };
}
