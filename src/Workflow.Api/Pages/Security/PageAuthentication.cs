using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Security;
using Workflow.Infrastructure.Users;

namespace Workflow.Api.Pages.Security;

/// <summary>
/// One front door for two kinds of caller: a request with an <c>Authorization</c> header is an API client and goes to
/// the API-key scheme; anything else is a browser and goes to the sign-in cookie. Authorization policies stay the same
/// for both. API clients keep getting 401/403; browsers asking for HTML are sent to /login or shown a 403 page.
/// </summary>
public static class PageAuthentication
{
    public const string Scheme = "ApiKeyOrCookie";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IServiceCollection AddPageAuthentication(this IServiceCollection services)
    {
        // Registered after AddWorkflowSecurity, so this default replaces the API-key default.
        services.AddAuthentication(o => o.DefaultScheme = Scheme)
            .AddPolicyScheme(Scheme, "API key or sign-in cookie", o => o.ForwardDefaultSelector = context =>
                string.IsNullOrEmpty(context.Request.Headers.Authorization) ? CookieScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddCookie(CookieScheme, _ => { });
        // Sessions live in PostgreSQL and the key ring that protects cookies and anti-forgery tokens too, so that
        // every instance honours the same sessions and sign-out or disabling a user ends a session everywhere.
        services.AddSingleton<SessionStore>();
        services.AddDataProtection().SetApplicationName("conflict-minerals-workflow");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, db) => o.XmlRepository = new PostgresXmlRepository(db));
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<Microsoft.Extensions.Options.IOptions<PageOptions>, SessionStore>((o, pages, sessions) =>
        {
            o.SessionStore = sessions;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.Cookie.Name = "workflow.session";
            o.Cookie.HttpOnly = true;
            // Lax keeps cross-site POSTs (CSRF against /api with multipart forms) from carrying the cookie.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = pages.Value.SessionIdleTimeout;
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context =>
                {
                    if (IsBrowserPage(context.Request)) context.Response.Redirect(context.RedirectUri);
                    else context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                },
                OnRedirectToAccessDenied = async context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    if (IsBrowserPage(context.Request))
                        await new RazorComponentResult<Forbidden>() { StatusCode = StatusCodes.Status403Forbidden }.ExecuteAsync(context.HttpContext);
                },
                // A user disabled or given a new password with the CLI loses access at the next request, not when the
                // cookie expires.
                OnValidatePrincipal = async context =>
                {
                    var email = context.Principal?.Identity?.Name;
                    var role = context.Principal?.FindFirstValue(ClaimTypes.Role);
                    var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
                    if (email is null || role is null || !await users.IsActiveAsync(email, role, context.Principal?.FindFirstValue(PasswordStampClaim), context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieScheme);
                    }
                },
            };
        });
        return services;
    }

    /// <summary>A browser navigating to a page (not /api, and asking for HTML); everything else is an API client.</summary>
    public static bool IsBrowserPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") &&
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private const string PasswordStampClaim = "pwdstamp";

    public static ClaimsPrincipal PrincipalFor(LocalUser user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Role, user.Role), new Claim("uid", user.Id.ToString()),
            new Claim(PasswordStampClaim, user.PasswordStamp ?? "")],
        CookieScheme, ClaimTypes.Name, ClaimTypes.Role));
}
