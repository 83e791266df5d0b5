namespace Workflow.Api.Security;

/// <summary>
/// Headers on every response: pages, the supplier portal, the report page, API answers and downloads. The policy
/// allows scripts, styles and images from this service only (no inline script or style anywhere), no framing, and
/// no referrer, because supplier links carry their credential in the URL.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard (a third-party page) sets inline styles; it keeps every other protection, scripts included.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The logo, an SVG perhaps, opened on its own: nothing may load or run in it, only its own inline styles apply.
    public const string LogoPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var dashboard = context.Request.Path.StartsWithSegments("/hangfire");
            var logo = context.Request.Path.StartsWithSegments(Workflow.Application.Settings.CompanyBrand.LogoPath);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = dashboard ? DashboardPolicy : logo ? LogoPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
