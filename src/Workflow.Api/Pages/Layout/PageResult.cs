using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflow.Api.Pages.Layout;

/// <summary>
/// A page as the answer of a minimal-API endpoint: the Razor component rendered on the server (static, no Blazor
/// script, no circuit), so every URL, status code, redirect and anti-forgery rule stays with the endpoint.
/// </summary>
public static class PageResult
{
    public static RazorComponentResult Of<TPage, TModel>(TModel model, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent, IPage<TModel> =>
        new RazorComponentResult<TPage>(new Dictionary<string, object?> { [nameof(IPage<TModel>.Model)] = model }) { StatusCode = statusCode };
}
