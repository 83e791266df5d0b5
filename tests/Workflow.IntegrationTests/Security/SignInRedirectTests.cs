using System.Net;
using Workflow.Domain.Security;
using Workflow.Infrastructure.Users;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;

namespace Workflow.IntegrationTests.Security;

/// <summary>After signing in the browser goes back where it came from, but only to one of our own paths.</summary>
public class SignInRedirectTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private async Task<HttpResponseMessage> SignInAsync(string returnUrl)
    {
        var email = $"redirect-{Guid.NewGuid():N}@example.com";
        await _app.Service<UserStore>().AddAsync(email, Roles.Auditor, PageClient.Password, CancellationToken.None);
        return await PageClient.Anonymous(_app).PostFormAsync("/login", "/login",
            new() { ["email"] = email, ["password"] = PageClient.Password, ["returnUrl"] = returnUrl });
    }

    [Theory]
    [InlineData("/\t/attacker.example:8080/x")]
    [InlineData("/\r/x")]
    [InlineData("/\n/attacker.example")]
    [InlineData("//attacker.example/x")]
    [InlineData("/\\attacker.example")]
    [InlineData("https://attacker.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_WithAForeignOrMalformedReturnUrl_GoesToTheStartPage(string returnUrl)
    {
        var response = await SignInAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithALocalReturnUrl_GoesBackThere()
    {
        var response = await SignInAsync("/campaigns?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/campaigns?x=1", response.Headers.Location!.OriginalString);
    }
}
