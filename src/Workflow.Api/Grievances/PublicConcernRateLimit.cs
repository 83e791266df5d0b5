using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Errors;
using Workflow.Api.Pages.Grievances;
using Workflow.Api.Pages.Layout;
using Workflow.Application.Grievances;

namespace Workflow.Api.Grievances;

/// <summary>
/// Public reports and additions per network address per hour (the address is kept in memory only, never stored). A
/// browser that is over the limit gets a page in the reporter's language (the form's action carries <c>?lang=</c>, as
/// the body is not read); other clients get the usual 429 problem.
/// </summary>
public sealed class PublicConcernRateLimit : IRateLimiterPolicy<string>
{
    public RateLimitPartition<string> GetPartition(HttpContext context) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, context.RequestServices.GetRequiredService<IOptionsMonitor<GrievanceOptions>>().CurrentValue.PublicReportsPerHour),
            Window = TimeSpan.FromHours(1),
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (!ProblemPages.WantsHtml(http)) return;
        var t = ConcernTexts.For(http.Request);
        await PageResult.Of<ConcernProblemPage, ConcernProblemModel>(new ConcernProblemModel(t, t.TooManyTitle, t.TooManyText),
            StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    };
}
