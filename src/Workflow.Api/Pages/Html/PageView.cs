using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Workflow.Domain.Security;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Html;

/// <summary>
/// The shared layout and what every page needs from the request: who is signed in, which role, and the anti-forgery
/// field for its forms. Pages build their main content as a string and hand it to <see cref="Render"/>.
/// </summary>
public sealed class PageView(HttpContext http)
{
    private string? _antiforgeryField;

    public HttpContext Http => http;
    public ClaimsPrincipal User => http.User;
    public string UserName => User.Identity?.Name ?? "";
    public bool IsOwner => User.IsInRole(Roles.ComplianceOwner);
    public bool IsManager => User.IsInRole(Roles.Manager);
    public string RoleName => Roles.All.FirstOrDefault(User.IsInRole) ?? "";

    /// <summary>The hidden anti-forgery input; every POST form includes it and the antiforgery middleware checks it.</summary>
    public string Antiforgery()
    {
        if (_antiforgeryField is null)
        {
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            _antiforgeryField = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
        }
        return _antiforgeryField;
    }

    public IResult Render(string title, string main, int statusCode = 200, string? notice = null) =>
        Results.Content(Document(title, main, notice), "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    public string Document(string title, string main, string? notice = null)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var nav = signedIn ? $"""
            <nav aria-label="Main">
              <a href="/escalations"{Current("/escalations")}>Escalations</a>
              <a href="/campaigns"{Current("/campaigns")}>Campaigns</a>
              <a href="/rules"{Current("/rules")}>Rules</a>
              <a href="/workflow"{Current("/workflow")}>Workflow</a>
              <a href="/hangfire">Jobs</a>
            </nav>
            <form method="post" action="/logout" class="signout">{Antiforgery()}
              <span>{E(UserName)} <small>({E(RoleName)})</small></span>
              <button type="submit">Sign out</button>
            </form>
            """ : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Conflict-minerals due diligence</title>
            <link rel="stylesheet" href="/css/pages.css">
            <script src="/js/pages.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><span class="brand">3TG due diligence</span>{nav}</header>
            <main id="main">
            {(notice is null ? "" : $"<p class=\"notice\" role=\"status\">{notice}</p>")}
            {main}
            </main>
            </body>
            </html>
            """;
    }

    private string Current(string prefix) =>
        http.Request.Path.StartsWithSegments(prefix) ? " aria-current=\"page\"" : "";
}
