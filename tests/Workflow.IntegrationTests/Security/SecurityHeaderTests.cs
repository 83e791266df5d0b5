using System.Net;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>Every kind of response carries the protective headers: pages, sign-in, the supplier portal, API answers, errors.</summary>
public class SecurityHeaderTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private static void AssertProtected(HttpResponseMessage response, string what)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
        var csp = Header("Content-Security-Policy");
        Assert.True(csp.Contains("script-src 'self'") && csp.Contains("style-src 'self'") && csp.Contains("frame-ancestors 'none'")
            && !csp.Contains("unsafe-inline"), $"{what}: Content-Security-Policy '{csp}'");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: nosniff");
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options");
        Assert.True(Header("Referrer-Policy") == "no-referrer", $"{what}: Referrer-Policy");
    }

    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        var c = (await _app.LaunchAsync(1, "headers"))[0];
        var token = _app.Service<SupplierLinkSigner>().Create(c);
        var anonymous = PageClient.Anonymous(_app);
        var auditor = _app.ClientFor(WorkflowApp.AuditorKey);

        AssertProtected(await anonymous.Http.GetAsync("/login"), "sign-in page");
        AssertProtected(await anonymous.Http.GetAsync("/escalations"), "redirect to sign-in");
        AssertProtected(await anonymous.Http.GetAsync($"/supplier/{token}"), "supplier portal");
        AssertProtected(await anonymous.Http.GetAsync("/supplier/not-a-token"), "supplier portal refusal");
        AssertProtected(await anonymous.Http.GetAsync("/css/pages.css"), "stylesheet");
        AssertProtected(await auditor.GetAsync($"/api/cases/{c}"), "API answer");
        AssertProtected(await auditor.GetAsync($"/api/cases/{Guid.NewGuid()}"), "API 404");
        var page = await PageClient.SignedInAsync(_app, Workflow.Domain.Security.Roles.Auditor);
        var escalations = await page.Http.GetAsync("/escalations");
        Assert.Equal(HttpStatusCode.OK, escalations.StatusCode);
        AssertProtected(escalations, "escalation queue");
        AssertProtected(await page.Http.GetAsync("/escalations.csv"), "CSV download");
        AssertProtected(await page.Http.GetAsync($"/cases/{c}/export"), "export download");
    }

    [Fact]
    public async Task Pages_ContainNoInlineScriptOrStyle()
    {
        var owner = await PageClient.SignedInAsync(_app, Workflow.Domain.Security.Roles.ComplianceOwner);
        var campaign = await _app.ClientFor(WorkflowApp.OwnerKey).CreateCampaignAsync("no-inline");

        foreach (var path in new[] { "/login", "/campaigns", $"/campaigns/{campaign}", "/rules", "/workflow", "/escalations" })
        {
            var html = await owner.GetHtmlAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
        }
    }
}
