using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Products;

/// <summary>Our products and their bill of materials: which part, bought from which supplier, under which number.</summary>
public class ProductRegisterTests : IClassFixture<ProductRegisterTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private const string Header = "productNumber,productName,family,partNumber,supplierCode,supplierEmail,supplierPartNumber\n";
    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public ProductRegisterTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task SuppliersAsync(string csv)
    {
        var response = await _owner.PostAsync("/api/suppliers", Csv(csv));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ImportAsync(HttpContent content, string query = "", HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _owner.PostAsync("/api/products" + query, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement[]> ProductsAsync(string q) =>
        await _owner.GetFromJsonAsync<JsonElement[]>($"/api/products?q={Uri.EscapeDataString(q)}") ?? [];

    private async Task<JsonElement> ProductAsync(string number) =>
        await _owner.GetFromJsonAsync<JsonElement>($"/api/products/{Assert.Single(await ProductsAsync(number)).GetProperty("id").GetGuid()}");

    // The API leaves null values out.
    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static IEnumerable<string> Lines(JsonElement product) =>
        product.GetProperty("parts").EnumerateArray().SelectMany(p => p.GetProperty("suppliers").EnumerateArray()
            .Select(s => $"{Text(p, "partNumber")}:{Text(s, "supplierCode")}:{Text(s, "supplierPartNumber")}"));

    [Fact]
    public async Task Csv_ImportsProductsWithTheirParts_AndAReImportUpdatesWithAnAuditedChange()
    {
        await SuppliersAsync("code,name,email,country\nBOM-S1,Bom Solder,s1@bom.example,DE\n,Bom Wire,s2@bom.example,FR\n");
        var csv = Header
            + "BOM-100,Controller,Drives,BOM-P1,BOM-S1,,SOL-77\n"
            + "BOM-100,Controller,Drives,BOM-P2,,s2@bom.example,W-1\n"
            + "BOM-200,Sensor,,,,,\n";

        var first = await ImportAsync(Csv(csv));

        Assert.Equal(2, first.GetProperty("productsAdded").GetInt32());
        Assert.Equal(2, first.GetProperty("partsAdded").GetInt32());
        Assert.Equal(2, first.GetProperty("linesAdded").GetInt32());
        var controller = await ProductAsync("BOM-100");
        Assert.Equal("Controller", controller.GetProperty("productName").GetString());
        Assert.Equal("Drives", controller.GetProperty("family").GetString());
        Assert.Equal(["BOM-P1:BOM-S1:SOL-77", "BOM-P2::W-1"], Lines(controller));
        Assert.Empty((await ProductAsync("BOM-200")).GetProperty("parts").EnumerateArray());

        // Next year's file: the product renamed, the solder sold under a new number, BOM-P2 not listed (it stays).
        var second = await ImportAsync(Csv(Header + "bom-100,Controller II,Drives,BOM-P1,BOM-S1,,SOL-78\n"));

        Assert.Equal(0, second.GetProperty("productsAdded").GetInt32());
        Assert.Equal(1, second.GetProperty("productsUpdated").GetInt32());
        var after = await ProductAsync("BOM-100");
        Assert.Equal("Controller II", after.GetProperty("productName").GetString());
        Assert.Equal(["BOM-P1:BOM-S1:SOL-78", "BOM-P2::W-1"], Lines(after));
        var changes = after.GetProperty("changes").EnumerateArray().ToList();
        var renamed = Assert.Single(changes, c => c.GetProperty("field").GetString() == "name" && Text(c, "from") == "Controller");
        Assert.Equal("Controller II", renamed.GetProperty("to").GetString());
        Assert.Equal("apikey:owner", renamed.GetProperty("actor").GetString());
        Assert.Equal($"import {second.GetProperty("importId").GetGuid()}", renamed.GetProperty("source").GetString());
        Assert.Contains(changes, c => c.GetProperty("field").GetString()!.StartsWith("supplierPartNumber") && Text(c, "from") == "SOL-77"
            && Text(c, "to") == "SOL-78");
    }

    [Fact]
    public async Task Xlsx_ImportsLikeCsv_AndJsonToo()
    {
        await SuppliersAsync("code,name,email,country\nXL-S1,Sheet Supplier,xl@bom.example,JP\n");
        using var content = new ByteArrayContent(TestSheets.Workbook("BOM",
            ["Product Number", "Product Name", "Family", "Part Number", "Supplier Code", "Supplier Part Number"],
            ["XL-100", "Workbook Drive", "Drives", "XL-P1", "XL-S1", "JP-9"],
            ["XL-100", "Workbook Drive", "Drives", "XL-P2", "XL-S1"]));
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        await ImportAsync(content);
        var json = await _owner.PostAsJsonAsync("/api/products", new object[] { new { productNumber = "JS-1", productName = "Json Box", partNumber = "XL-P1", supplierCode = "XL-S1" } });

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(["XL-P1:XL-S1:JP-9", "XL-P2:XL-S1:"], Lines(await ProductAsync("XL-100")));
        Assert.Equal(["XL-P1:XL-S1:JP-9"], Lines(await ProductAsync("JS-1")));
    }

    [Fact]
    public async Task EveryBadRow_IsReportedAtOnceWithRowAndColumn_AndNothingIsStored()
    {
        await SuppliersAsync("code,name,email,country\nBAD-S1,Known,known@bad.example,DE\n");
        var csv = Header
            + "BAD-1,Good Product,,BAD-P1,BAD-S1,,\n"          // 2: fine on its own
            + ",No Number,,,,,\n"                               // 3: productNumber
            + "BAD-2,,,,,,\n"                                   // 4: productName
            + "BAD-3,Unknown Supplier,,BAD-P2,NOPE-9,,\n"       // 5: supplierCode
            + "BAD-4,Part Alone,,BAD-P3,,,\n"                   // 6: supplierCode (a part needs a supplier)
            + "BAD-1,Other Name,,BAD-P4,BAD-S1,,\n"             // 7: productName (one product, two names)
            + $"BAD-5,{new string('x', 301)},,,,,\n";           // 8: productName too long

        var problem = await ImportAsync(Csv(csv), expected: HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()}:{e.GetProperty("field").GetString()}").ToList();
        Assert.Equal(["3:productNumber", "4:productName", "5:supplierCode", "6:supplierCode", "7:productName", "8:productName"], errors.Order());
        Assert.Contains("NOPE-9", problem.GetProperty("detail").GetString());
        Assert.Empty(await ProductsAsync("BAD-"));
        Assert.Empty(await _owner.GetFromJsonAsync<JsonElement[]>("/api/parts?supplierId=" + (await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=BAD-S1"))![0].GetProperty("id").GetGuid()) ?? []);
    }

    [Fact]
    public async Task DryRun_SaysWhatWouldChange_AndStoresNothing()
    {
        await SuppliersAsync("code,name,email,country\nDRY-S1,Dry Supplier,dry@bom.example,DE\n");

        var plan = await ImportAsync(Csv(Header + "DRY-1,Dry Product,,DRY-P1,DRY-S1,,D-1\n"), "?dryRun=true");

        Assert.True(plan.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, plan.GetProperty("productsAdded").GetInt32());
        Assert.Equal(1, plan.GetProperty("linesAdded").GetInt32());
        Assert.Contains(plan.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "part" && Text(c, "to") == "DRY-P1");
        Assert.Empty(await ProductsAsync("DRY-"));
    }

    [Fact]
    public async Task FormulaLookingCells_AreKeptAsText()
    {
        var formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

        await ImportAsync(Csv(Header + $"FX-1,\"{formula.Replace("\"", "\"\"")}\",+cmd,,,,\n"));

        var product = await ProductAsync("FX-1");
        Assert.Equal(formula, product.GetProperty("productName").GetString());
        Assert.Equal("+cmd", product.GetProperty("family").GetString());
    }

    [Fact]
    public async Task No3tgMarks_NeedAReason_AndAreAudited_ForProductsAndParts()
    {
        await SuppliersAsync("code,name,email,country\nMK-S1,Mark Supplier,mk@bom.example,DE\n");
        await ImportAsync(Csv(Header + "MK-1,Plastic Housing,,MK-P1,MK-S1,,\n"));
        var id = Assert.Single(await ProductsAsync("MK-1")).GetProperty("id").GetGuid();

        var noReason = await _owner.PutAsJsonAsync($"/api/products/{id}/no-3tg", new { containsNo3tg = true });
        var marked = await _owner.PutAsJsonAsync($"/api/products/{id}/no-3tg", new { containsNo3tg = true, reason = "engineering review ER-12: all plastic" });
        var part = await _owner.PutAsJsonAsync("/api/parts/mk-p1/no-3tg", new { containsNo3tg = true, reason = "injection-moulded, no metal" });
        var unknownPart = await _owner.PutAsJsonAsync("/api/parts/NO-SUCH-PART/no-3tg", new { containsNo3tg = true, reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPart.StatusCode);
        var product = await ProductAsync("MK-1");
        Assert.True(product.GetProperty("notContaining3tg").GetBoolean());
        Assert.Equal("engineering review ER-12: all plastic", product.GetProperty("reason").GetString());
        Assert.True(product.GetProperty("parts")[0].GetProperty("notContaining3tg").GetBoolean());
        var changes = product.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "noThreeTg" && Text(c, "partNumber") is null
            && Text(c, "to") == "contains no 3TG" && c.GetProperty("actor").GetString() == "apikey:owner");
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "noThreeTgReason" && Text(c, "partNumber") == "MK-P1");

        var cleared = await _owner.PutAsJsonAsync($"/api/products/{id}/no-3tg", new { containsNo3tg = false, reason = "new revision has a tin-plated contact" });

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var after = await ProductAsync("MK-1");
        Assert.False(after.GetProperty("notContaining3tg").GetBoolean());
        Assert.Contains(after.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "noThreeTg" && Text(c, "to") == "not marked");
    }

    [Fact]
    public async Task APartTakenOutOfAProduct_NeedsAReason_StaysInOtherProducts_AndIsInTheHistory()
    {
        await SuppliersAsync("code,name,email,country\nRM-S1,Removal Supplier,rm@bom.example,DE\n");
        await ImportAsync(Csv(Header + "RM-1,Drive,,RM-P1,RM-S1,,RS-1\nRM-1,Drive,,RM-P2,RM-S1,,RS-2\nRM-2,Other drive,,RM-P1,RM-S1,,RS-1\n"));
        var id = Assert.Single(await ProductsAsync("RM-1")).GetProperty("id").GetGuid();

        var noReason = await _owner.DeleteAsync($"/api/products/{id}/parts/RM-P1");
        var byManager = await _app.ClientFor(WorkflowApp.ManagerKey).DeleteAsync($"/api/products/{id}/parts/RM-P1?reason=x");
        var removed = await _owner.DeleteAsync($"/api/products/{id}/parts/rm-p1?reason={Uri.EscapeDataString("ECN-77: connector replaced")}");
        var again = await _owner.DeleteAsync($"/api/products/{id}/parts/RM-P1?reason=twice");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var product = await ProductAsync("RM-1");
        Assert.Equal(["RM-P2:RM-S1:RS-2"], Lines(product));
        Assert.Equal(["RM-P1:RM-S1:RS-1"], Lines(await ProductAsync("RM-2")));
        var changes = product.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "part" && Text(c, "from") == "RM-P1" && Text(c, "to") is null);
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "removalReason" && Text(c, "to") == "ECN-77: connector replaced");
    }

    [Fact]
    public async Task Manager_ReadsProducts_ButMayNotImportOrMark()
    {
        await ImportAsync(Csv(Header + "RO-1,Read Only,,,,,\n"));
        var manager = _app.ClientFor(WorkflowApp.ManagerKey);
        var id = Assert.Single(await ProductsAsync("RO-1")).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/products", Csv(Header + "RO-2,Nope,,,,,\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync($"/api/products/{id}/no-3tg", new { containsNo3tg = true, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/products?q=RO-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/products/{id}")).StatusCode);
    }

    [Fact]
    public async Task SupplierParts_AreThePartSourcesOfTheBillOfMaterials()
    {
        await SuppliersAsync("code,name,email,country,parts\nSP-S1,Parts Supplier,sp@bom.example,DE,SP-P1;SP-P2\n");
        var supplier = (await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=SP-S1"))![0].GetProperty("id").GetGuid();
        await ImportAsync(Csv(Header + "SP-100,Uses A Supplier Part,,SP-P1,SP-S1,,VENDOR-1\n"));

        var patched = await _owner.PatchAsJsonAsync($"/api/suppliers/{supplier}", new { parts = new[] { "SP-P3" } });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var detail = await _owner.GetFromJsonAsync<JsonElement>($"/api/suppliers/{supplier}");
        Assert.Equal(["SP-P1", "SP-P2", "SP-P3"], detail.GetProperty("parts").EnumerateArray().Select(p => p.GetString()));
        var parts = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/parts?supplierId={supplier}") ?? [];
        Assert.Equal(["SP-P1", "SP-P2", "SP-P3"], parts.Select(p => p.GetProperty("partNumber").GetString()));
        var used = parts[0];
        Assert.Equal("VENDOR-1", used.GetProperty("supplierPartNumber").GetString());
        Assert.Equal("SP-100", Assert.Single(used.GetProperty("products").EnumerateArray()).GetProperty("productNumber").GetString());
        Assert.Contains(detail.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "parts" && Text(c, "to") == "SP-P1; SP-P2; SP-P3");
    }

    [Fact]
    public async Task MergingSuppliers_MovesTheirPartSources_WithTheSupplierPartNumber()
    {
        await SuppliersAsync("code,name,email,country\nMV-KEEP,Keeps,keep@bom.example,DE\nMV-GONE,Goes,gone@bom.example,DE\n");
        await ImportAsync(Csv(Header + "MV-1,Moved Product,,MV-P1,MV-GONE,,GONE-77\n"));
        var keep = (await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=MV-KEEP"))![0].GetProperty("id").GetGuid();
        var gone = (await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=MV-GONE"))![0].GetProperty("id").GetGuid();

        var merged = await _owner.PostAsJsonAsync($"/api/suppliers/{gone}/merge", new { into = keep, reason = "one company" });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(["MV-P1:MV-KEEP:GONE-77"], Lines(await ProductAsync("MV-1")));
        Assert.Contains((await ProductAsync("MV-1")).GetProperty("changes").EnumerateArray(),
            c => Text(c, "field") == "source" && Text(c, "from") == "Goes" && Text(c, "to") == "Keeps" && Text(c, "source") == "merge");
    }

    [Fact]
    public async Task TenThousandLines_ImportInOneGo()
    {
        await SuppliersAsync("code,name,email,country\nBIG-S1,Big Supplier,big@bom.example,DE\n");
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 10_000; i++) csv.Append($"BIG-{i / 10},Big product {i / 10},Bulk,BIG-P{i},BIG-S1,,V-{i}\n");
        var watch = Stopwatch.StartNew();

        var result = await ImportAsync(Csv(csv.ToString()));

        Assert.Equal(1_000, result.GetProperty("productsAdded").GetInt32());
        Assert.Equal(10_000, result.GetProperty("linesAdded").GetInt32());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Equal(10, (await ProductAsync("BIG-999")).GetProperty("parts").GetArrayLength());
    }
}
