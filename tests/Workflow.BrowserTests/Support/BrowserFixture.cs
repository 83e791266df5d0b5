using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflow.Domain.Security;
using Workflow.DevHost.Demo;
using Workflow.Infrastructure.Users;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.BrowserTests.Support;

/// <summary>
/// The real service on a loopback Kestrel socket (own database, demo campaign loaded, one user per role) and Debian's
/// Chromium driven by Playwright. Playwright cannot download browsers here, so a missing /usr/bin/chromium fails every
/// test with an explanation instead of skipping them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "browser-test-password";
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    // Every test signs in through the form; the per-address limit on sign-ins is tested elsewhere.
    public WorkflowApp App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Pages:LoginAttemptsPerMinute"] = "1000",
    });

    /// <summary>The company's name on every page (the supplier page needs it most), set as an owner would: in the settings, not the configuration, so the settings page can change it.</summary>
    public const string CompanyName = "Browser Components GmbH";

    /// <summary>The company name in force: a test that renames the company (the first-day walk) may have run before.</summary>
    public async Task<string> CompanyNameInForceAsync() =>
        (await App.Service<Workflow.Application.Settings.IBrandSource>().GetAsync()).Name ?? CompanyName;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public Guid DemoCampaignId { get; private set; }
    public string Artifacts { get; } = Directory.CreateDirectory(Environment.GetEnvironmentVariable("TEST_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@example.com";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Install Debian's package (apt-get install -y chromium); " +
                ".ci/run does so from .ci/apt-packages. Playwright cannot download its own browsers on this machine.");

        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var name = new Workflow.Application.Settings.SettingsChange();
        name.Values[Workflow.Application.Settings.SettingFields.CompanyName] = CompanyName;
        await App.Service<Workflow.Application.Settings.SettingsEditor>().SaveAsync(name, "browser-fixture");
        var users = App.Service<UserStore>();
        foreach (var role in Roles.All) await users.AddAsync(EmailFor(role), role, Password, CancellationToken.None);
        DemoCampaignId = await App.Service<DemoCampaignLoader>().LoadAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("The demo campaign did not load into a fresh database.");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context signed in as <paramref name="role"/> through the login form, submitted with Enter.</summary>
    public async Task<IPage> SignedInPageAsync(string role)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail").FillAsync(EmailFor(role));
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
