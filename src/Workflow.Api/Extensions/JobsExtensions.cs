using Workflow.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using Workflow.Api.Security;
using Workflow.Domain.Security;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;

namespace Workflow.Api.Extensions;

public static class JobsExtensions
{
    public static IServiceCollection AddWorkflowJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        // Hangfire's defaults are process-wide statics (JobStorage.Current, JobActivator.Current, the log provider), and
        // AddHangfire reads them back into the container. Two hosts in one process (every integration test run, or a
        // host embedding the service) then pick up each other's storage and activator. This instance's own storage and
        // activator are registered first, so Hangfire's TryAdd keeps them.
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // The default 15 s poll makes timers feel late; a second is cheap on one indexed table.
                QueuePollInterval = sp.GetRequiredService<IOptions<JobsOptions>>().Value.QueuePollInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString, options), options);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseTypeResolver(MovedJobTypes.Resolve)
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostBoundLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
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
        }).RequireAuthorization(AccessPolicies.Read);
}

public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
