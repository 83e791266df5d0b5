using Workflow.Application.ProductDeterminations;

namespace Workflow.IntegrationTests.ProductDeterminations;

/// <summary>The determination rules on rows built by hand: no database, every precedence and matching rule alone.</summary>
public class ProductDeterminationBuilderTests
{
    private static readonly Guid Alpha = Guid.NewGuid(), Bravo = Guid.NewGuid(), Charlie = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Alpha] = "Alpha", [Bravo] = "Bravo", [Charlie] = "Charlie" };
    private static readonly Dictionary<Guid, CampaignCase> Cases = new()
    {
        [Alpha] = new(Guid.NewGuid(), Alpha, "Responded", 2),
        [Bravo] = new(Guid.NewGuid(), Bravo, "Responded", 1),
    };
    private static int _minute;

    private static BomRow Row(string part, Guid? supplier, string? supplierPart = null, string? partNo3tg = null) =>
        new(Guid.Empty, "P-1", "Product", "Wind", false, null, Guid.NewGuid(), part, partNo3tg is not null, partNo3tg,
            supplier, supplier is { } s ? Names[s] : null, supplierPart);

    /// <summary>Rows of one product: the same part id for rows naming the same part.</summary>
    private static List<BomRow> Product(params BomRow[] rows)
    {
        var ids = new Dictionary<string, Guid>();
        return rows.Select(r => r with { PartId = ids.TryGetValue(r.PartNumber!, out var id) ? id : ids[r.PartNumber!] = r.PartId!.Value }).ToList();
    }

    private static ValidDeclaration Declaration(Guid supplier, string scope, string? determination, params string[] products) =>
        new(Cases[supplier].CaseId, Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddMinutes(++_minute), $"{Names[supplier]}-{_minute}.xlsx", scope,
            new HashSet<string>(products, StringComparer.OrdinalIgnoreCase), determination, false, []);

    /// <summary>Declarations latest first, as the source reads them (it also trims the Product List numbers; the API test sends one padded).</summary>
    private static ProductDetermination Determine(List<BomRow> bom, params ValidDeclaration[] declarations) =>
        Assert.Single(ProductDeterminationBuilder.Build(new ProductDeterminationData(bom, Cases,
            declarations.GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<ValidDeclaration>)g.OrderByDescending(d => d.ReceivedAt).ToList()))));

    [Fact]
    public void OneConformantPart_AmongOthersNotFromCoveredCountries_ProductIsDrcConflictFree()
    {
        var p = Determine(Product(Row("A", Alpha), Row("B", Bravo)),
            Declaration(Alpha, "Company", "covered-countries-conformant"), Declaration(Bravo, "Company", "not-from-covered-countries"));

        Assert.Equal(("covered-countries-conformant", "DRC conflict free"), (p.Determination, p.Words));
        Assert.Contains("part A (Alpha)", p.Because);
    }

    [Fact]
    public void RecycledBesideAPartWithout3tg_Recycled_ButBesideNotFromCoveredCountries_NotFromCoveredCountries()
    {
        var recycled = Determine(Product(Row("A", Alpha), Row("B", Bravo)),
            Declaration(Alpha, "Company", "recycled-or-scrap"), Declaration(Bravo, "Company", "no-3tg"));
        var mixed = Determine(Product(Row("A", Alpha), Row("B", Bravo)),
            Declaration(Alpha, "Company", "recycled-or-scrap"), Declaration(Bravo, "Company", "not-from-covered-countries"));

        Assert.Equal("recycled-or-scrap", recycled.Determination);
        Assert.Equal("not-from-covered-countries", mixed.Determination);
    }

    [Fact]
    public void EveryPartNo3tg_OrEveryPartMarked_ProductNo3tg()
    {
        var declared = Determine(Product(Row("A", Alpha), Row("B", Bravo)), Declaration(Alpha, "Company", "no-3tg"), Declaration(Bravo, "Product", "no-3tg", "B"));
        var marked = Determine(Product(Row("A", Alpha, partNo3tg: "ceramic"), Row("B", null, partNo3tg: "rubber")));

        Assert.Equal("no-3tg", declared.Determination);
        Assert.Contains("1 part at product level, 1 at company level", declared.Because);
        Assert.Equal("no-3tg", marked.Determination);
        Assert.Equal("every part is marked not containing 3TG (2 parts)", marked.Because);
        Assert.All(marked.Parts, part => Assert.StartsWith("marked not containing 3TG: ", part.Excluded));
    }

    [Fact]
    public void ProductLevelListingThePart_WinsOverANewerCompanyLevel_EvenAnOlderOne_MatchedInAnyCase()
    {
        var listing = Declaration(Alpha, "Product", "recycled-or-scrap", "ap-7");
        var notListing = Declaration(Alpha, "Product", "undetermined", "AP-8");
        var company = Declaration(Alpha, "Company", "not-from-covered-countries");

        var p = Determine(Product(Row("A", Alpha, "AP-7")), listing, notListing, company);

        var part = Assert.Single(p.Parts);
        Assert.Equal(("product", listing.SubmissionId, "recycled-or-scrap"), (part.Scope, part.SubmissionId, part.Determination));
    }

    [Fact]
    public void NoSupplierPartNumber_TheProductListIsMatchedOnOurPartNumber()
    {
        var p = Determine(Product(Row("OUR-9", Alpha)), Declaration(Alpha, "Product", "not-from-covered-countries", "our-9"));

        Assert.Equal("product", Assert.Single(p.Parts).Scope);
    }

    [Fact]
    public void UserDefinedScope_CoversAsCompany_SayingTheDeclaredScope()
    {
        var p = Determine(Product(Row("A", Alpha)), Declaration(Alpha, "UserDefined", "not-from-covered-countries"));

        var part = Assert.Single(p.Parts);
        Assert.Equal(("company", "UserDefined"), (part.Scope, part.DeclaredScope));
    }

    [Fact]
    public void OnlyProductLevelCmrtsNotListingThePart_PartOpenSayingSo()
    {
        var p = Determine(Product(Row("A", Alpha, "AP-1")), Declaration(Alpha, "Product", "no-3tg", "AP-2"));

        Assert.Equal("no valid CMRT from Alpha covers AP-1: its product-level CMRTs do not list it", Assert.Single(p.OpenParts).Why);
    }

    [Fact]
    public void DualSourcedPart_EverySourceMustBeCovered()
    {
        var p = Determine(Product(Row("A", Alpha), Row("A", Charlie)), Declaration(Alpha, "Company", "not-from-covered-countries"));

        Assert.Equal("undetermined", p.Determination);
        Assert.Equal(("A", "Charlie is not surveyed in this campaign"), (Assert.Single(p.OpenParts).PartNumber, p.OpenParts[0].Why));
        Assert.Equal(2, p.Parts.Count);
    }

    [Fact]
    public void CoveringDeclarationWithoutDetermination_PartUndetermined()
    {
        var p = Determine(Product(Row("A", Alpha)), Declaration(Alpha, "Company", null));

        Assert.Equal("undetermined", p.Determination);
        Assert.Empty(p.OpenParts);
        Assert.Contains("leaves the origin undetermined", p.Because);
    }
}
