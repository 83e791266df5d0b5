using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;

namespace Workflow.BrowserTests;

/// <summary>
/// The grievance mechanism end to end in a real browser: a stranger reports anonymously in Spanish with a file, an
/// investigator triages and replies, the stranger reads the reply through the link; a manager is kept out.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ConcernPagesInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnAnonymousReportInSpanish_IsTriagedAndAnswered_AndTheReporterReadsTheReply()
    {
        // The reporter: a Spanish browser, no account, a phone-sized window.
        var reporterContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = "es-ES", ViewportSize = new() { Width = 420, Height = 900 },
        });
        var reporter = await reporterContext.NewPageAsync();
        await reporter.GotoAsync("/concerns");
        Assert.Equal("es", await reporter.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(reporter.Locator(".supplier-company")).ToHaveTextAsync(await fixture.CompanyNameInForceAsync());
        await Assertions.Expect(reporter.Locator("#anonymous-heading")).ToHaveTextAsync("Puede mantenerse en el anonimato");
        await reporter.GetByLabel("¿Qué ocurrió? (obligatorio)").FillAsync("Hombres armados cobran un impuesto a cada saco de casiterita en la mina.");
        await reporter.GetByLabel("Fundición o refinería").FillAsync("CID002158");
        await reporter.GetByLabel("Metal").SelectOptionAsync(new SelectOptionValue { Label = "Estaño" });
        await reporter.GetByLabel("Archivos (opcional)").SetInputFilesAsync(new FilePayload
        {
            Name = "recibo.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% recibo del impuesto\n"u8.ToArray(),
        });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Enviar la denuncia" }).ClickAsync();

        await reporter.WaitForURLAsync(new Regex("/concerns/follow-up/[^?]+\\?new=1$"));
        var box = reporter.Locator("#new");
        await Assertions.Expect(box).ToContainTextAsync("Gracias. Su referencia es G-");
        var reference = Regex.Match(await box.InnerTextAsync(), "G-\\d{6}").Value;
        var link = await reporter.Locator("#follow-up-link").InnerTextAsync();
        Assert.Equal(fixture.BaseUrl.TrimEnd('/') + new Uri(reporter.Url).AbsolutePath, link);
        await fixture.ScreenshotAsync(reporter, "concern-follow-up-es-new");
        await reporterContext.CloseAsync();

        // The investigator: starts at the queue, opens the concern, moves it with a reason and replies.
        var investigator = await fixture.SignedInPageAsync(Roles.Investigator);
        Assert.EndsWith("/grievances", investigator.Url);
        await Assertions.Expect(investigator.Locator("nav[aria-label=Main] a")).ToHaveTextAsync(["Concerns"]);
        await Assertions.Expect(investigator.Locator("#concerns")).ToContainTextAsync(reference);
        await fixture.ScreenshotAsync(investigator, "concern-queue");
        await investigator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(investigator.Locator("h1")).ToHaveTextAsync($"Concern {reference}");
        await Assertions.Expect(investigator.Locator("#reporter")).ToContainTextAsync("Anonymous");
        await Assertions.Expect(investigator.Locator("#files")).ToContainTextAsync("recibo.pdf");
        await investigator.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Under review" });
        await investigator.GetByLabel("Reason (required", new() { Exact = false }).FillAsync("Names the mine and the smelter; credible.");
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Assertions.Expect(investigator.Locator(".notice")).ToContainTextAsync("Moved to under review");
        await investigator.GetByLabel("Reply to the reporter").FillAsync("Gracias. ¿En qué semana ocurrió?");
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(investigator.Locator(".notice")).ToContainTextAsync("Reply sent");
        await Assertions.Expect(investigator.Locator("#conversation")).ToContainTextAsync("¿En qué semana ocurrió?");
        await Assertions.Expect(investigator.Locator("#audit")).ToContainTextAsync("Names the mine and the smelter; credible.");
        await fixture.ScreenshotAsync(investigator, "concern-page-investigator");

        // The reporter comes back through the link, in a new browser session.
        var laterContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "es-ES" });
        var later = await laterContext.NewPageAsync();
        await later.GotoAsync(link);
        await Assertions.Expect(later.Locator("#state")).ToHaveTextAsync("Estamos revisando su denuncia.");
        await Assertions.Expect(later.Locator("#messages")).ToContainTextAsync("Nuestra respuesta");
        await Assertions.Expect(later.Locator("#messages")).ToContainTextAsync("¿En qué semana ocurrió?");
        await Assertions.Expect(later.Locator("body")).Not.ToContainTextAsync(BrowserFixture.EmailFor(Roles.Investigator));
        await Assertions.Expect(later.Locator("#new")).ToHaveCountAsync(0);
        await later.GetByLabel("¿Qué quiere añadir?").FillAsync("Fue la segunda semana de marzo.");
        await later.GetByRole(AriaRole.Button, new() { Name = "Enviar la información" }).ClickAsync();
        await Assertions.Expect(later.Locator("#added")).ToHaveTextAsync("Gracias: su información se ha añadido.");
        await Assertions.Expect(later.Locator("#messages")).ToContainTextAsync("Fue la segunda semana de marzo.");
        await laterContext.CloseAsync();

        // A manager decides escalations but reads no concern.
        var manager = await fixture.SignedInPageAsync(Roles.Manager);
        var refused = await manager.GotoAsync("/grievances");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(manager.Locator("nav[aria-label=Main]")).Not.ToContainTextAsync("Concerns");
    }

    [Theory]
    [InlineData("en", "Report a concern about the minerals in our supply chain")]
    [InlineData("zh", "举报我们供应链中矿产的问题")]
    public async Task ThePublicForm_SpeaksTheBrowsersLanguage_AndSwitches(string language, string title)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = language == "zh" ? "zh-CN" : "en-GB", ViewportSize = new() { Width = 1100, Height = 900 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/concerns");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("nav[aria-label=Main]").CountAsync());
        await fixture.ScreenshotAsync(page, $"concern-form-{language}");
        // With nothing typed the form comes back with the error beside the description, in the same language.
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#description-errors")).ToBeVisibleAsync();
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Einen Hinweis zu den Mineralien in unserer Lieferkette melden");
        await context.CloseAsync();
    }
}
