using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Workflow.Application.FollowUp;
using Workflow.Application.Grievances;
using Workflow.Infrastructure.Jobs;

namespace Workflow.Api.Grievances;

public static class GrievanceExtensions
{
    /// <summary>Rate limit of the public form and the reporter's follow-up posts, per network address (kept in memory only).</summary>
    public const string PublicRateLimit = "concerns-public";

    public static IServiceCollection AddWorkflowGrievances(this IServiceCollection services)
    {
        services.AddOptions<GrievanceOptions>().BindConfiguration(GrievanceOptions.Section);
        services.AddSingleton(sp => GrievanceDefinition.Load(sp.GetRequiredService<IOptions<GrievanceOptions>>().Value,
            sp.GetRequiredService<IOptions<FollowUpOptions>>().Value));
        services.AddSingleton<IConcernTimers, HangfireConcernTimers>();
        services.AddSingleton<ConcernStore>();
        services.AddSingleton<ConcernQueries>();
        services.AddSingleton<ConcernLinks>();
        services.AddSingleton<ConcernLinkTargets>();
        services.AddTransient<ConcernTimerJob>();
        services.AddTransient<ConcernSweepJob>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, PublicConcernRateLimit>(PublicRateLimit));
        return services;
    }
}
