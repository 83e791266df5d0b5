using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.BrowserTests.Support;
using Workflow.Domain.Security;
using Workflow.Application.Cases;
using Workflow.Application.Grievances;
using Workflow.Domain.Grievances;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Workflow.BrowserTests;

/// <summary>
/// Every page a signed-in user can reach by following links, once per kind of page, passes axe-core with no serious or
/// critical violation. Crawling instead of a list means a new page is checked the day someone links to it.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const int MaxPages = 80;

    [Theory]
    [InlineData(Roles.ComplianceOwner)]
    [InlineData(Roles.Manager)]
    public async Task EveryLinkedPage_HasNoSeriousOrCriticalAxeViolation(string role)
    {
        var page = await fixture.SignedInPageAsync(role);
        var origin = new Uri(fixture.BaseUrl);
        var queue = new Queue<string>([ "/", $"/campaigns/{fixture.DemoCampaignId}" ]);
        var seenKinds = new HashSet<string>();
        var visited = new List<string>();
        var violations = new List<string>();

        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (!seenKinds.Add(KindOf(path))) continue;
            var response = await page.GotoAsync(path);
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html"))) continue;
            visited.Add(path);
            violations.AddRange(await Axe.SeriousViolationsAsync(page));

            var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]:not([download])", "els => els.map(e => e.href)");
            foreach (var link in links)
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Authority != origin.Authority) continue;
                var next = uri.PathAndQuery;
                if (Skipped(uri.AbsolutePath) || seenKinds.Contains(KindOf(next))) continue;
                queue.Enqueue(next);
            }
        }

        output.WriteLine($"{visited.Count} pages checked as {role}:{Environment.NewLine}{string.Join(Environment.NewLine, visited)}");
        Assert.True(visited.Count >= 8, $"Only {visited.Count} pages reached: {string.Join(", ", visited)}");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The pages reached without a staff sign-in: sign-in itself, a supplier's link, a link that does not work, a page that does not exist.</summary>
    [Fact]
    public async Task PagesWithoutSignIn_HaveNoSeriousOrCriticalAxeViolation()
    {
        var someCase = (await fixture.App.Service<CaseQueries>().ListAsync(fixture.DemoCampaignId, null, 0, 1, CancellationToken.None))[0].Id;
        var token = fixture.App.Service<SupplierLinkSigner>().Create(someCase);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        foreach (var path in new[] { "/login", $"/supplier/{token}", "/supplier/not-a-valid-link" })
        {
            await page.GotoAsync(path);
            violations.AddRange(await Axe.SeriousViolationsAsync(page));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The grievance pages: the public form (also as it comes back with errors, and in Chinese), the reporter's
    /// follow-up page with its reference box and a reply, and the queue and concern page for both roles that see them.</summary>
    [Fact]
    public async Task ConcernPages_HaveNoSeriousOrCriticalAxeViolation()
    {
        var store = fixture.App.Service<ConcernStore>();
        var created = await store.CreateAsync(new ConcernInput
        {
            Description = "Soldiers tax every sack of cassiterite at the mine.", Smelter = "CID002158", Metal = "tin", Country = "DR Congo",
            ReporterName = "Axe Reporter", ReporterEmail = "axe.reporter@example.org",
        }, [new ConcernAttachment("receipt.pdf", "application/pdf", "%PDF-1.4\n% receipt\n"u8.ToArray())], ConcernChannels.Web, ConcernStore.ReporterActor,
            null, CancellationToken.None);
        await store.ReplyAsync(created.Id, "Thank you. Which week was it?", "axe-check", CancellationToken.None);
        var violations = new List<string>();

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var reporter = await context.NewPageAsync();
        foreach (var path in new[] { "/concerns", "/concerns?lang=zh", $"/concerns/follow-up/{created.FollowUpToken}?new=1" })
        {
            await reporter.GotoAsync(path);
            violations.AddRange((await Axe.SeriousViolationsAsync(reporter)).Select(v => $"{path}: {v}"));
        }
        await reporter.GotoAsync("/concerns");
        await reporter.Locator("form button[type=submit]").ClickAsync();
        await reporter.Locator("#error-summary").WaitForAsync();
        violations.AddRange((await Axe.SeriousViolationsAsync(reporter)).Select(v => $"/concerns with errors: {v}"));

        foreach (var role in new[] { Roles.Investigator, Roles.ComplianceOwner })
        {
            var page = await fixture.SignedInPageAsync(role);
            foreach (var path in new[] { "/grievances", $"/grievances/{created.Id}" })
            {
                await page.GotoAsync(path);
                violations.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path} as {role}: {v}"));
            }
            if (role == Roles.ComplianceOwner) await fixture.ScreenshotAsync(page, "concern-page-owner");
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task TheCheck_FindsWhatABlindUserWouldTripOn()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<html lang="en"><body><main><h1>Bad</h1><input type="text"><img src="x.png"></main></body></html>""");

        var violations = await Axe.SeriousViolationsAsync(page);

        Assert.Contains(violations, v => v.Contains("label"));
        Assert.Contains(violations, v => v.Contains("image-alt"));
    }

    /// <summary>One visit per kind of page: identifiers and numbers in the path and the query's values do not make a new kind.</summary>
    private static string KindOf(string pathAndQuery)
    {
        var (path, query) = pathAndQuery.IndexOf('?') is var q and >= 0 ? (pathAndQuery[..q], pathAndQuery[q..]) : (pathAndQuery, "");
        var kind = Identifier().Replace(path, "{id}");
        var keys = string.Join("&", query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order());
        return keys.Length == 0 ? kind : kind + "?" + keys;
    }

    // Jobs dashboard (Hangfire's own pages), the API, downloads and sign-out are not our pages to check.
    private static bool Skipped(string path) =>
        path.StartsWith("/hangfire") || path.StartsWith("/api/") || path == "/logout" || path.StartsWith("/brand/")
        || Path.GetExtension(path) is ".csv" or ".xlsx" or ".json" or ".zip" or ".pdf" or ".svg" or ".png" or ".txt" or ".md";

    [GeneratedRegex(@"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|\d+|[A-Za-z0-9_-]{20,})(?=/|$)")]
    private static partial Regex Identifier();
}
