using Microsoft.AspNetCore.Authentication;
using Workflow.Api.Pages.Layout;
using Workflow.Infrastructure.Users;

namespace Workflow.Api.Pages.Security;

/// <summary>/login and /logout for local users (created with <c>workflow users add</c>).</summary>
public static class LoginPages
{
    public const string RateLimitPolicy = "login";

    public static void MapLoginPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl) => Form(returnUrl, null, null)).AllowAnonymous();

        app.MapPost("/login", async (IFormCollection form, UserStore users, HttpContext http, CancellationToken ct) =>
        {
            var email = form["email"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var user = string.IsNullOrWhiteSpace(email) ? null : await users.VerifyAsync(email, form["password"].ToString(), ct);
            if (user is null)
                return Form(returnUrl, email, "The e-mail or password is not right, or the account is disabled.", 401);
            await http.SignInAsync(PageAuthentication.CookieScheme, PageAuthentication.PrincipalFor(user));
            return Results.Redirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);

        app.MapPost("/logout", async (IFormCollection _, HttpContext http) =>
        {
            await http.SignOutAsync(PageAuthentication.CookieScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous();
    }

    private static IResult Form(string? returnUrl, string? email, string? error, int status = 200) =>
        PageResult.Of<LoginView, LoginModel>(new LoginModel(returnUrl, email, error), status);
}
