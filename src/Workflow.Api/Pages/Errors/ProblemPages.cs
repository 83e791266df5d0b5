using Workflow.Api.Pages.Layout;

namespace Workflow.Api.Pages.Errors;

/// <summary>
/// Which requests get a problem as an HTML page rather than problem+JSON: browsers (they ask for text/html) outside
/// <c>/api/</c> that are not API clients (no <c>Authorization</c> header). Everything else keeps problem+JSON.
/// </summary>
public static class ProblemPages
{
    public static bool WantsHtml(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Headers.ContainsKey("Authorization")
        && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The page for a status; <paramref name="detail"/> replaces the generic explanation when the cause is known.</summary>
    public static ProblemModel For(int status, string? title = null, string? detail = null) => status switch
    {
        404 => new(404, "This page does not exist", detail ?? "The address may be mistyped, or what it pointed to was removed."),
        403 => new(403, "Not allowed", detail ?? "Your role may not do this. Ask a compliance owner or a manager."),
        409 => new(409, title ?? "This could not be done now", detail ?? "Something changed meanwhile; reload the page and try again."),
        400 => new(400, title ?? "The request could not be understood", detail ?? "Go back, check what you entered, and send it again."),
        >= 500 => new(status, "Something went wrong on our side", detail ?? "The server could not complete the request; it has been logged. Try again in a moment."),
        _ => new(status, title ?? "The request could not be completed", detail ?? "Go back and try again."),
    };

    public static Task WriteAsync(HttpContext http, ProblemModel problem)
    {
        http.Response.StatusCode = problem.Status;
        return PageResult.Of<ProblemView, ProblemModel>(problem, problem.Status).ExecuteAsync(http);
    }
}
