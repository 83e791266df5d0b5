using Microsoft.AspNetCore.Authentication.Cookies;

namespace Workflow.Api.Security;

/// <summary>
/// Refuses unsafe requests to <c>/api</c> that are authenticated by the sign-in cookie. Browsers attach the cookie to
/// requests other sites make them send, and the API has no anti-forgery token; no page of ours writes through
/// <c>/api</c>, and API clients use keys, so a cookie there may read and nothing more.
/// </summary>
public static class ApiWriteGuard
{
    public static WebApplication UseApiWritesNeedKeys(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && !IsSafe(context.Request.Method) &&
                context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme })
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "API key required",
                    detail: "Changes through /api need 'Authorization: Bearer <api key>'; the sign-in cookie may only read. Use the pages to make changes in a browser.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
