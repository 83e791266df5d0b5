using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Writing;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Reports;
using static Workflow.IntegrationTests.ProductDeterminations.ProductDeterminationFixture;
using static Workflow.IntegrationTests.Reports.ReportWorkbooks;

namespace Workflow.IntegrationTests.ProductDeterminations;

/// <summary>
/// A compliance owner asks, product by product, which declarations cover its parts and what can be said about its 3TG:
/// company-level CMRTs cover a part until one names a smelter of concern, then only a product-level CMRT listing the
/// supplier's part number does.
/// </summary>
public class ProductDeterminationTests(ProductDeterminationFixture f) : IClassFixture<ProductDeterminationFixture>
{
    private HttpClient Auditor => f.App.ClientFor(WorkflowApp.AuditorKey);
    private HttpClient Owner => f.App.ClientFor(WorkflowApp.OwnerKey);

    private static CmrtWorkbookSpec Clean(ReportScenario s, string supplier) =>
        s.Spec(supplier).InScope("No", "No", Metal.Gold, Metal.Tin) with { Smelters = [Line(AlphaGold), Line(GammaTin)] };

    /// <summary>Delta Tin Rwanda is a covered-country smelter: a red flag, and a company-level CMRT naming it asks for a product-level one.</summary>
    private static CmrtWorkbookSpec NamingDeltaTin(ReportScenario s, string supplier) =>
        s.Spec(supplier).InScope("No", "No", Metal.Gold, Metal.Tin) with { Smelters = [Line(AlphaGold), Line(DeltaTin)] };

    private static CmrtWorkbookSpec ProductLevel(CmrtWorkbookSpec spec, params string[] numbers) => spec with
    {
        Scope = "B. Product (or List of Products)",
        Products = numbers.Select(n => new ProductLine(n, "Bought part")).ToList(),
    };

    private static string[] Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToArray();

    [Fact]
    public async Task CompanyLevelAcceptedCmrt_CoversThePart_ProductTakesItsDetermination()
    {
        var s = await f.CampaignAsync("Alpha Parts");
        Assert.Equal("accepted", await s.SubmitAsync("Alpha Parts", Clean(s, "Alpha Parts")));
        var alpha = await f.SupplierAsync(s.Campaign, "Alpha Parts");
        var number = Unique("WT");
        await f.InsertProductAsync(number, "Wind turbine converter", "Wind", new Part(Unique("PCB"), (alpha, "AP-100")));

        var product = await f.ProductAsync(s.Campaign, number);
        var expected = await f.CaseDeterminationAsync(s.Campaign, "Alpha Parts");

        Assert.NotNull(expected);
        Assert.Equal(expected, product.GetProperty("determination").GetString());
        Assert.Equal("Wind", product.GetProperty("family").GetString());
        Assert.Empty(product.GetProperty("openParts").EnumerateArray());
        var supplier = Assert.Single(product.GetProperty("suppliers").EnumerateArray());
        Assert.Equal(("Alpha Parts", "company", "Alpha Parts.xlsx"), (supplier.GetProperty("supplierName").GetString(),
            supplier.GetProperty("scope").GetString(), supplier.GetProperty("fileName").GetString()));
        Assert.Equal(alpha, supplier.GetProperty("supplierId").GetGuid());
        Assert.Contains("company level", product.GetProperty("because").GetString());
    }

    [Fact]
    public async Task RedFlagCompanyLevelCmrt_PartOpen_ThenAProductLevelCmrtListingItSettlesOnlyThatPart()
    {
        var s = await f.CampaignAsync("Foxtrot Fasteners");
        Assert.Equal("red-flag", await s.SubmitAsync("Foxtrot Fasteners", NamingDeltaTin(s, "Foxtrot Fasteners")));
        var foxtrot = await f.SupplierAsync(s.Campaign, "Foxtrot Fasteners");
        var (bracket, bolt) = (Unique("BRACKET"), Unique("BOLT"));
        var (one, both) = (Unique("GRID-1"), Unique("GRID-2"));
        await f.InsertProductAsync(one, "Grid interconnection", "Grid", new Part(bracket, (foxtrot, "FX-BR-1")));
        await f.InsertProductAsync(both, "Ship protection system", "Grid", new Part(bracket, (foxtrot, "FX-BR-1")), new Part(bolt, (foxtrot, "FX-BO-2")));

        var before = await f.ProductAsync(s.Campaign, one);

        Assert.Equal("undetermined", before.GetProperty("determination").GetString());
        var open = Assert.Single(before.GetProperty("openParts").EnumerateArray());
        Assert.Equal((bracket, "Foxtrot Fasteners", "FX-BR-1"), (open.GetProperty("partNumber").GetString(),
            open.GetProperty("supplierName").GetString(), open.GetProperty("supplierPartNumber").GetString()));
        Assert.Equal("the company-level CMRT of Foxtrot Fasteners names smelters of concern (CID900004); a product-level CMRT covering FX-BR-1 is awaited",
            open.GetProperty("why").GetString());
        Assert.Contains($"part {bracket} from Foxtrot Fasteners", before.GetProperty("because").GetString());
        var flag = Assert.Single(before.GetProperty("redFlags").EnumerateArray(), r => r.GetProperty("cid").GetString() == "CID900004");
        Assert.Equal(("Delta Tin Rwanda", bracket, "Foxtrot Fasteners"), (flag.GetProperty("smelterName").GetString(),
            flag.GetProperty("partNumber").GetString(), flag.GetProperty("supplierName").GetString()));

        // The supplier answers the request with a product-level CMRT for the bracket only, without the smelter of concern.
        Assert.Equal("accepted", await s.SubmitAsync("Foxtrot Fasteners", ProductLevel(Clean(s, "Foxtrot Fasteners"), " fx-br-1 ")));
        var productLevelDetermination = await f.CaseDeterminationAsync(s.Campaign, "Foxtrot Fasteners");
        var afterOne = await f.ProductAsync(s.Campaign, one);
        var afterBoth = await f.ProductAsync(s.Campaign, both);

        Assert.Equal(productLevelDetermination, afterOne.GetProperty("determination").GetString());
        Assert.NotEqual("undetermined", afterOne.GetProperty("determination").GetString());
        Assert.Empty(afterOne.GetProperty("openParts").EnumerateArray());
        Assert.Empty(afterOne.GetProperty("redFlags").EnumerateArray());
        Assert.Equal(["product"], Strings(afterOne.GetProperty("suppliers"), "scope"));
        Assert.Equal("undetermined", afterBoth.GetProperty("determination").GetString());
        var stillOpen = Assert.Single(afterBoth.GetProperty("openParts").EnumerateArray());
        Assert.Equal(bolt, stillOpen.GetProperty("partNumber").GetString());
        Assert.Contains("a product-level CMRT covering FX-BO-2 is awaited", stillOpen.GetProperty("why").GetString());
        Assert.Contains($"part {bolt} from Foxtrot Fasteners", afterBoth.GetProperty("because").GetString());
        Assert.DoesNotContain(bracket, afterBoth.GetProperty("because").GetString());
        var parts = afterBoth.GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("partNumber").GetString()!);
        Assert.Equal(("product", false), (parts[bracket].GetProperty("scope").GetString(), parts[bracket].GetProperty("open").GetBoolean()));
        Assert.Equal(("company", true), (parts[bolt].GetProperty("scope").GetString(), parts[bolt].GetProperty("open").GetBoolean()));
    }

    [Fact]
    public async Task ProductLevelCmrtNamingASmelterOfConcern_PartCoveredButUndetermined_CarryingItsRedFlags()
    {
        var s = await f.CampaignAsync("Golf Gears");
        Assert.Equal("red-flag", await s.SubmitAsync("Golf Gears", ProductLevel(NamingDeltaTin(s, "Golf Gears"), "GG-7")));
        var golf = await f.SupplierAsync(s.Campaign, "Golf Gears");
        var number = Unique("SC");
        var gear = Unique("GEAR");
        await f.InsertProductAsync(number, "Superconductor wire", null, new Part(gear, (golf, "GG-7")));

        var product = await f.ProductAsync(s.Campaign, number);

        Assert.Equal("undetermined", product.GetProperty("determination").GetString());
        Assert.Empty(product.GetProperty("openParts").EnumerateArray());
        Assert.Contains(product.GetProperty("redFlags").EnumerateArray(), r => r.GetProperty("cid").GetString() == "CID900004");
        var part = Assert.Single(product.GetProperty("parts").EnumerateArray());
        Assert.Equal(("product", "undetermined"), (part.GetProperty("scope").GetString(), part.GetProperty("determination").GetString()));
        Assert.Contains("names smelters of concern (CID900004)", product.GetProperty("because").GetString());
    }

    [Fact]
    public async Task MarkedParts_NoBom_UnsurveyedAndSilentSuppliers_EachSaidInWords()
    {
        var s = await f.CampaignAsync("Hotel Hardware", "India Inductors");
        Assert.Equal("accepted", await s.SubmitAsync("Hotel Hardware", Clean(s, "Hotel Hardware")));
        var hotel = await f.SupplierAsync(s.Campaign, "Hotel Hardware");
        var india = await f.SupplierAsync(s.Campaign, "India Inductors");
        var juliet = await f.RegisterOnlyAsync("Juliet Jacks");
        var (marked, bare, mixed) = (Unique("MARKED"), Unique("BARE"), Unique("MIXED"));
        var (plastic, coil, jack, housing) = (Unique("PLASTIC"), Unique("COIL"), Unique("JACK"), Unique("HOUSING"));
        await f.InsertProductAsync(marked, "Cable tray", "Grid", "engineering review 2026-11: steel and plastics only", new Part(coil, (india, null)));
        await f.InsertProductAsync(bare, "Service contract kit", "Services");
        await f.InsertProductAsync(mixed, "Power quality system", "Grid",
            new Part(plastic, (juliet, "JJ-1")) { No3tgReason = "moulded plastic" }, new Part(coil, (india, null)), new Part(jack, (juliet, "JJ-9")),
            new Part(housing, (hotel, "HH-3")));

        var markedProduct = await f.ProductAsync(s.Campaign, marked);
        var bareProduct = await f.ProductAsync(s.Campaign, bare);
        var mixedProduct = await f.ProductAsync(s.Campaign, mixed);

        Assert.Equal("marked-no-3tg", markedProduct.GetProperty("determination").GetString());
        Assert.Contains("engineering review 2026-11", markedProduct.GetProperty("because").GetString());
        Assert.StartsWith("does not contain 3TG", markedProduct.GetProperty("words").GetString());
        Assert.Equal("undetermined", bareProduct.GetProperty("determination").GetString());
        Assert.Equal("no bill of materials: no part of this product is known", bareProduct.GetProperty("because").GetString());
        Assert.Equal("undetermined", mixedProduct.GetProperty("determination").GetString());
        var open = mixedProduct.GetProperty("openParts").EnumerateArray().ToDictionary(p => p.GetProperty("partNumber").GetString()!, p => p.GetProperty("why").GetString());
        Assert.Equal(new Dictionary<string, string?> { [coil] = "India Inductors has not responded", [jack] = "Juliet Jacks is not surveyed in this campaign" }, open);
        var excluded = Assert.Single(mixedProduct.GetProperty("parts").EnumerateArray(), p => p.GetProperty("partNumber").GetString() == plastic);
        Assert.Equal("marked not containing 3TG: moulded plastic", excluded.GetProperty("excluded").GetString());
        Assert.StartsWith("DRC conflict undeterminable", mixedProduct.GetProperty("words").GetString());

        // An invalid answer is a response, but no valid CMRT.
        Assert.Equal("invalid", await s.SubmitAsync("India Inductors", Clean(s, "India Inductors") with { CompanyName = null }));
        var afterInvalid = await f.ProductAsync(s.Campaign, mixed);
        Assert.Contains(afterInvalid.GetProperty("openParts").EnumerateArray(), p => p.GetProperty("why").GetString() == "no valid CMRT from India Inductors");
    }

    [Fact]
    public async Task UnknownCampaign_404()
    {
        var response = await Auditor.GetAsync($"/api/campaigns/{Guid.NewGuid()}/products");
        var page = await Auditor.GetAsync($"/campaigns/{Guid.NewGuid()}/products");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Report_CountsProductsPerDetermination_AndListsEach()
    {
        var s = await f.CampaignAsync("Kilo Capacitors");
        Assert.Equal("accepted", await s.SubmitAsync("Kilo Capacitors", Clean(s, "Kilo Capacitors")));
        var kilo = await f.SupplierAsync(s.Campaign, "Kilo Capacitors");
        var (covered, bare) = (Unique("RPT-COVERED"), Unique("RPT-BARE"));
        await f.InsertProductAsync(covered, "Wind converter", "Wind", new Part(Unique("CAP"), (kilo, "K-1")));
        await f.InsertProductAsync(bare, "Spare kit", "Wind");

        var report = await s.ReportAsync();
        var products = report.GetProperty("products");
        var listed = products.GetProperty("products").EnumerateArray().ToList();
        var byDetermination = products.GetProperty("byDetermination").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var csv = await Auditor.GetStringAsync($"/api/campaigns/{s.Campaign}/report.csv");

        Assert.Equal(await f.CaseDeterminationAsync(s.Campaign, "Kilo Capacitors"),
            Assert.Single(listed, p => p.GetProperty("productNumber").GetString() == covered).GetProperty("determination").GetString());
        Assert.Equal("undetermined", Assert.Single(listed, p => p.GetProperty("productNumber").GetString() == bare).GetProperty("determination").GetString());
        Assert.Equal(["marked-no-3tg", "no-3tg", "not-from-covered-countries", "recycled-or-scrap", "covered-countries-conformant", "undetermined"],
            byDetermination.Keys);
        foreach (var (determination, count) in byDetermination)
            Assert.Equal(listed.Count(p => p.GetProperty("determination").GetString() == determination), count);
        Assert.Contains("Products: undetermined", csv);
        // The existing blocks are unchanged.
        Assert.Equal(1, report.GetProperty("responses").GetProperty("responded").GetInt32());
    }

    [Fact]
    public async Task FrozenFiling_KeepsItsProducts_WhenALaterCmrtChangesTheLiveDetermination()
    {
        var s = await f.CampaignAsync("Lima Leads");
        Assert.Equal("red-flag", await s.SubmitAsync("Lima Leads", NamingDeltaTin(s, "Lima Leads")));
        var lima = await f.SupplierAsync(s.Campaign, "Lima Leads");
        var number = Unique("FROZEN");
        await f.InsertProductAsync(number, "Grid cable system", "Grid", new Part(Unique("LEAD"), (lima, "LL-5")));
        var asOf = DateOnly.FromDateTime(f.App.Clock.GetUtcNow().UtcDateTime);
        var freeze = await Owner.PostAsJsonAsync($"/api/campaigns/{s.Campaign}/filings", new { asOf = asOf.ToString("yyyy-MM-dd"), reason = "Form SD filed" });
        Assert.Equal(HttpStatusCode.Created, freeze.StatusCode);
        var filing = (await freeze.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var frozenBytes = await Auditor.GetByteArrayAsync($"/api/filings/{filing}/report");

        // Two days later the supplier sends the product-level CMRT.
        f.App.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("accepted", await s.SubmitAsync("Lima Leads", ProductLevel(Clean(s, "Lima Leads"), "LL-5")));

        var frozen = JsonDocument.Parse(await Auditor.GetByteArrayAsync($"/api/filings/{filing}/report")).RootElement;
        var live = await f.ProductAsync(s.Campaign, number);
        var asOfThen = await f.ProductAsync(s.Campaign, number, $"?asOf={asOf:yyyy-MM-dd}");
        var draft = await Auditor.GetStringAsync($"/api/filings/{filing}/cmr");

        Assert.Equal(frozenBytes, await Auditor.GetByteArrayAsync($"/api/filings/{filing}/report"));
        Assert.Equal("undetermined", Assert.Single(frozen.GetProperty("products").GetProperty("products").EnumerateArray(),
            p => p.GetProperty("productNumber").GetString() == number).GetProperty("determination").GetString());
        Assert.NotEqual("undetermined", live.GetProperty("determination").GetString());
        Assert.Equal("undetermined", asOfThen.GetProperty("determination").GetString());
        Assert.Contains("Form SD product description", draft);
        Assert.Contains("for which we were unable to determine the origin of the 3TG", draft);
    }

    [Fact]
    public async Task ProductsPage_CountsAndTable_OrTheEmptyStateWithoutProducts()
    {
        var s = await f.CampaignAsync("Mike Magnets");
        Assert.Equal("accepted", await s.SubmitAsync("Mike Magnets", Clean(s, "Mike Magnets")));
        var mike = await f.SupplierAsync(s.Campaign, "Mike Magnets");
        var number = Unique("PAGE");
        await f.InsertProductAsync(number, "Magnet assembly <Mk II>", "Wind", new Part(Unique("MAG"), (mike, "MM-1")));

        var html = await Owner.GetStringAsync($"/campaigns/{s.Campaign}/products");
        var dashboard = await Owner.GetStringAsync($"/campaigns/{s.Campaign}");

        Assert.Contains(number, html);
        Assert.Contains("Magnet assembly &lt;Mk II&gt;", html);
        Assert.Contains("id=\"determination-counts\"", html);
        Assert.Contains("<label for=\"determination\">", html);
        Assert.Contains($"href=\"/campaigns/{s.Campaign}/products\"", dashboard);
    }
}
