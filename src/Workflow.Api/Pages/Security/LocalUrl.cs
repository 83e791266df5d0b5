using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Workflow.Api.Pages.Security;

/// <summary>
/// The framework's own local-URL check (the one behind <c>Url.IsLocalUrl</c> and <c>LocalRedirect</c>): "/x" yes;
/// "//host", "/\host", "/%09/host" (a tab, which browsers drop) and any other control character no.
/// </summary>
public sealed class LocalUrl : UrlHelperBase
{
    // The check needs no request: an instance over an empty context exists only to reach UrlHelperBase.IsLocalUrl.
    private static readonly LocalUrl Instance = new();

    private LocalUrl() : base(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor())) { }

    public static bool IsLocal(string? url) => Instance.IsLocalUrl(url);

    public override string? Action(UrlActionContext actionContext) => throw new NotSupportedException();
    public override string? RouteUrl(UrlRouteContext routeContext) => throw new NotSupportedException();
}
