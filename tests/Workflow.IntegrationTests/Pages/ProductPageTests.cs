using System.Net;
using System.Text.RegularExpressions;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Pages;

/// <summary>The product pages as a compliance owner uses them (import with a dry run first, read the bill of materials, mark no 3TG) and an auditor reads them.</summary>
public class ProductPageTests : IClassFixture<ProductPageTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    public ProductPageTests(App app) => _app = app.Workflow;

    [Fact]
    public async Task Owner_ImportsWithADryRunFirst_ReadsTheBillOfMaterials_AndMarksNo3tg()
    {
        var api = _app.ClientFor(WorkflowApp.OwnerKey);
        await api.PostAsync("/api/suppliers", new StringContent("code,name,email,country\nPG-S1,Page Solder,pg@pages.example,DE\n", System.Text.Encoding.UTF8, "text/csv"));
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var empty = await owner.GetHtmlAsync("/products");
        Assert.Contains("No products yet: import them", empty);
        Assert.Contains("<code>supplierPartNumber</code>", empty);
        var csv = "productNumber,productName,partNumber,supplierCode,supplierPartNumber\nPG-100,<b>Bold</b> Drive,PG-P1,PG-S1,SOL-1\n";

        var dry = await owner.PostFormAsync("/products", "/products/import", new() { ["csvText"] = csv, ["dryRun"] = "true" });
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains("Dry run, nothing stored: 1 products would be added", await dry.Content.ReadAsStringAsync());
        Assert.Contains("No products yet", await owner.GetHtmlAsync("/products"));

        var bad = await owner.PostFormAsync("/products", "/products/import", new() { ["csvText"] = csv.Replace("PG-S1", "PG-NONE") });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("row 2, supplierCode: No supplier in the register has the code", await bad.Content.ReadAsStringAsync());

        var real = await owner.PostFormAsync("/products", "/products/import", new() { ["csvText"] = csv });
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        var list = await owner.GetHtmlAsync(real.Headers.Location!.OriginalString);
        Assert.Contains("Imported: 1 products added", list);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt; Drive", list);
        var href = Regex.Match(list, "href=\"(/products/[0-9a-f-]{36})\"").Groups[1].Value;

        var page = await owner.GetHtmlAsync(href);
        Assert.Matches("<td>PG-P1</td><td>—</td><td><a href=\"/suppliers/[0-9a-f-]{36}\">Page Solder</a></td><td>PG-S1</td><td>SOL-1</td>", page);
        var mark = await owner.PostFormAsync(href, $"{href}/no-3tg", new() { ["containsNo3tg"] = "true", ["reason"] = "ER-7: no metal parts" });
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
        var marked = await owner.GetHtmlAsync(mark.Headers.Location!.OriginalString);
        Assert.Contains("contains no 3TG: ER-7: no metal parts", marked);
        Assert.Contains("<td>noThreeTg</td><td>not marked</td><td>contains no 3TG</td>", marked);
        Assert.Contains("Clear the mark", marked);
        var noReason = await owner.PostFormAsync(href, $"{href}/part-no-3tg", new() { ["partNumber"] = "PG-P1", ["containsNo3tg"] = "true", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        // An auditor reads the same pages without the forms.
        var auditor = await PageClient.SignedInAsync(_app, Roles.Auditor);
        var auditorList = await auditor.GetHtmlAsync("/products");
        var auditorPage = await auditor.GetHtmlAsync(href);
        Assert.Contains("Bold", auditorList);
        Assert.DoesNotContain("id=\"import\"", auditorList);
        Assert.Contains("ER-7: no metal parts", auditorPage);
        Assert.DoesNotContain("id=\"mark\"", auditorPage);
        Assert.DoesNotContain("id=\"remove-part\"", auditorPage);

        // An engineering change takes the part out, with its reason in the history.
        var removed = await owner.PostFormAsync(href, $"{href}/remove-part", new() { ["partNumber"] = "PG-P1", ["reason"] = "ECN-9: solder-free design" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await owner.GetHtmlAsync(removed.Headers.Location!.OriginalString);
        Assert.DoesNotMatch("<td>PG-P1</td><td>—</td><td><a href=\"/suppliers/", after);
        Assert.Contains("ECN-9: solder-free design", after);
    }
}
