using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Domain.Security;
using Workflow.Infrastructure.Users;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// A session cookie is only as good as its server-side record: signing out or disabling the user ends it for good,
/// on every instance, even when the cookie is replayed later (copied from a shared computer, say).
/// </summary>
public class SessionTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private static async Task<(PageClient Client, string Email, string Cookie)> SignInAsync(WorkflowApp app)
    {
        var email = $"session-{Guid.NewGuid():N}@example.com";
        await app.Service<UserStore>().AddAsync(email, Roles.Manager, PageClient.Password, CancellationToken.None);
        var client = PageClient.Anonymous(app);
        var response = await client.PostFormAsync("/login", "/login", new() { ["email"] = email, ["password"] = PageClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workflow.session=", StringComparison.Ordinal));
        return (client, email, cookie[..cookie.IndexOf(';')]);
    }

    /// <summary>A fresh browser that presents only the copied cookie.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(WorkflowApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/escalations");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Accept", "text/html");
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Cookie_AfterSignOut_NoLongerOpensAnyPage()
    {
        var (client, _, cookie) = await SignInAsync(_app);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(_app, cookie));

        var signOut = await client.PostFormAsync("/escalations", "/logout", new());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(_app, cookie));
    }

    [Fact]
    public async Task Cookie_IssuedBeforeDisable_StaysDeadAfterEnable()
    {
        var (_, email, cookie) = await SignInAsync(_app);
        var users = _app.Service<UserStore>();

        await users.DisableAsync(email, CancellationToken.None);
        await users.EnableAsync(email, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(_app, cookie));
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.sessions where lower(user_email) = lower('{email}')"));
    }

    [Fact]
    public async Task SignOut_OnOneInstance_EndsTheSessionOnAnother()
    {
        using var other = new WorkflowApp(_app.ConnectionString, FollowUpSteps.Manual());
        var (client, _, cookie) = await SignInAsync(_app);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(other, cookie));

        await client.PostFormAsync("/escalations", "/logout", new());

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(other, cookie));
    }

    [Fact]
    public async Task Session_IsStoredServerSide_TheCookieCarriesNoClaims()
    {
        var (_, email, cookie) = await SignInAsync(_app);

        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.sessions where lower(user_email) = lower('{email}')"));
        Assert.True(cookie.Length < 600, $"the cookie is {cookie.Length} characters; a session id should be short");
    }
}
