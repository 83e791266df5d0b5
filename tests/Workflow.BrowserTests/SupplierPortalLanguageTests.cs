using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Application.SupplierLinks;
using Workflow.BrowserTests.Support;
using Workflow.Cmrt.Writing;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.BrowserTests;

/// <summary>The supplier's walk through the upload page in Chinese and in Spanish, as a stranger sees it.</summary>
[Collection(BrowserCollection.Name)]
public class SupplierPortalLanguageTests(BrowserFixture fixture)
{
    public sealed record Words(string Language, string Waiting, string FileLabel, string Button, string NotYet, string Where, string What,
        string Accepted, string Done);

    private static readonly Dictionary<string, Words> ByLanguage = new()
    {
        ["zh"] = new("zh", "我们正在等待您的 CMRT。", "填写完整的 CMRT 工作簿", "上传并检查", "您的文件暂时无法被接受。",
            "Declaration 工作表，单元格 D8", "请在 Declaration 工作表的单元格 D8 中填写贵公司的法定名称。", "谢谢：您的 CMRT 已被接受。", "您的 CMRT 已被接受。"),
        ["es"] = new("es", "Estamos esperando su CMRT.", "Libro CMRT completado", "Subir y comprobar", "Su archivo todavía no se puede aceptar.",
            "hoja Declaration, celda D8", "Escriba la razón social de su empresa en la celda D8 de la hoja Declaration.", "Gracias: su CMRT fue aceptado.",
            "Su CMRT fue aceptado."),
    };

    [Theory]
    [InlineData("zh")]
    [InlineData("es")]
    public async Task Supplier_OpensTheLink_UploadsAnInvalidThenAValidCmrt_AllInTheirLanguage(string language)
    {
        var w = ByLanguage[language];
        var caseId = await LaunchOneAsync($"Portal {language} 2026", language);
        var token = fixture.App.Service<SupplierLinkSigner>().Create(caseId);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new() { Width = 420, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/supplier/{token}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator(".supplier-company")).ToHaveTextAsync((await CompanyNameAsync()));
        await Assertions.Expect(page.Locator("#state")).ToContainTextAsync(w.Waiting);
        await Assertions.Expect(page.Locator(".supplier-intro")).ToContainTextAsync((await CompanyNameAsync()));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(1, await page.Locator("h1").CountAsync());

        await Upload(page, w, CmrtWorkbookWriter.Write(GeneratedDeclarations.Invalid("3.01")));
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync(w.NotYet);
        var firstError = page.Locator("#findings tbody tr").First;
        await Assertions.Expect(firstError.Locator("td").Nth(1)).ToHaveTextAsync(w.Where);
        await Assertions.Expect(firstError.Locator("td").Nth(2)).ToHaveTextAsync(w.What);
        await Assertions.Expect(page.Locator("#findings")).Not.ToContainTextAsync("Enter your");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Invalid");
        await fixture.ScreenshotAsync(page, $"supplier-{language}");

        await Upload(page, w, CmrtWorkbookWriter.Write(GeneratedDeclarations.Complete("3.01")));
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync(w.Accepted);
        await Assertions.Expect(page.Locator("#state")).ToContainTextAsync(w.Done);
        await fixture.ScreenshotAsync(page, $"supplier-{language}-accepted");
    }

    [Fact]
    public async Task ExpiredLink_SaysWhatToDoNow_InTheSuppliersLanguage()
    {
        var caseId = await LaunchOneAsync("Portal expired 2026", "es");
        var token = fixture.App.Service<SupplierLinkSigner>().Create(caseId, fixture.App.Clock.GetUtcNow().AddDays(-1));
        var page = await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl })).NewPageAsync();

        var response = await page.GotoAsync($"/supplier/{token}");

        Assert.Equal(410, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Este enlace ha caducado");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Responda a nuestro correo electrónico con su CMRT adjunto");
        await Assertions.Expect(page.Locator(".supplier-company")).ToHaveTextAsync((await CompanyNameAsync()));
        await Assertions.Expect(page.Locator(".supplier-footer")).ToContainTextAsync("¿Preguntas?");
        await fixture.ScreenshotAsync(page, "supplier-problem");
    }

    /// <summary>A campaign with one supplier in <paramref name="language"/>, launched through the API: its case.</summary>
    private async Task<Guid> LaunchOneAsync(string campaignName, string language)
    {
        var owner = fixture.App.ClientFor(WorkflowApp.OwnerKey);
        var created = await owner.PostAsJsonAsync("/api/campaigns",
            new { name = campaignName, periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var slug = campaignName.Replace(' ', '-').ToLowerInvariant();
        var import = await owner.PostAsJsonAsync($"/api/campaigns/{campaign}/suppliers",
            new[] { new { name = $"{campaignName} Supplier Co", email = $"{slug}@supplier.example", country = "Germany", contactName = "Li Wei", language } });
        import.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/campaigns/{campaign}/launch", null)).StatusCode);
        for (var attempt = 0; ; attempt++)
        {
            var cases = await owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/cases") ?? [];
            if (cases.Length == 1) return cases[0].GetProperty("id").GetGuid();
            if (attempt > 100) throw new TimeoutException("The campaign's case did not open.");
            await Task.Delay(100);
        }
    }

    private static async Task Upload(IPage page, Words w, byte[] workbook)
    {
        await page.GetByLabel(w.FileLabel).SetInputFilesAsync(new FilePayload
        {
            Name = "cmrt.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = w.Button }).ClickAsync();
    }

    // Another test in the collection may have renamed the company through the settings page; the page shows the name in force.
    private Task<string> CompanyNameAsync() => fixture.CompanyNameInForceAsync();
}
