namespace Workflow.Api.Pages.Layout;

/// <summary>
/// The answer to a successful form POST (Post/Redirect/Get): 303 See Other sends the browser to a GET page that shows
/// the outcome, so reloading that page never posts the form again.
/// </summary>
public sealed class SeeOther(string url) : IResult
{
    public string Url { get; } = url;

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = Url;
        return Task.CompletedTask;
    }

    public static IResult To(string url) => new SeeOther(url);
}
