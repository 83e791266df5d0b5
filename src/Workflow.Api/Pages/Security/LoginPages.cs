using Microsoft.AspNetCore.Authentication;
using Workflow.Api.Pages.Html;
using Workflow.Infrastructure.Users;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Security;

/// <summary>/login and /logout for local users (created with <c>workflow users add</c>).</summary>
public static class LoginPages
{
    public const string RateLimitPolicy = "login";

    public static void MapLoginPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl, HttpContext http) => Form(new PageView(http), returnUrl, null, null)).AllowAnonymous();

        app.MapPost("/login", async (IFormCollection form, UserStore users, HttpContext http, CancellationToken ct) =>
        {
            var email = form["email"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var user = string.IsNullOrWhiteSpace(email) ? null : await users.VerifyAsync(email, form["password"].ToString(), ct);
            if (user is null)
                return Form(new PageView(http), returnUrl, email, "The e-mail or password is not right, or the account is disabled.", 401);
            await http.SignInAsync(PageAuthentication.CookieScheme, PageAuthentication.PrincipalFor(user));
            return Results.Redirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);

        app.MapPost("/logout", async (IFormCollection _, HttpContext http) =>
        {
            await http.SignOutAsync(PageAuthentication.CookieScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous();
    }

    private static IResult Form(PageView view, string? returnUrl, string? email, string? error, int status = 200) => view.Render("Sign in", $"""
        <h1>Sign in</h1>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\" id=\"login-error\">{E(error)}</p>")}
        <form method="post" action="/login" class="stacked narrow">
          {view.Antiforgery()}
          <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
          <label for="email">E-mail</label>
          <input id="email" name="email" type="email" autocomplete="username" required autofocus value="{E(email)}"{(error is null ? "" : " aria-describedby=\"login-error\"")}>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <button type="submit">Sign in</button>
        </form>
        <p class="hint">No account yet? An administrator creates one with <code>dotnet run --project src/Workflow.Cli -- users add EMAIL --role ROLE</code>.</p>
        """, status);
}
