using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Workflow.Api.Security;
using Workflow.Domain.Security;
using Workflow.Infrastructure.Database;

namespace Workflow.Api.Extensions;

public static class JobsExtensions
{
    public static IServiceCollection AddWorkflowJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // The default 15 s poll makes timers feel late; a second is cheap on one indexed table.
                    QueuePollInterval = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value.QueuePollInterval,
                }));
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value;
            o.WorkerCount = jobs.WorkerCount;
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });
        return services;
    }

    public static void MapWorkflowJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Access is decided by the endpoint's authorization policy, not by Hangfire's local-requests-only default.
            Authorization = [],
            IsReadOnlyFunc = context => !((AspNetCoreDashboardContext)context).HttpContext.User.IsInRole(Roles.ComplianceOwner),
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Read);
}

public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
