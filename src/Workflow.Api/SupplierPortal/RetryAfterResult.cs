using System.Globalization;

namespace Workflow.Api.SupplierPortal;

/// <summary>Another result with a <c>Retry-After</c> header in whole seconds (RFC 9110 §10.2.3).</summary>
public sealed class RetryAfterResult(IResult inner, TimeSpan after) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
