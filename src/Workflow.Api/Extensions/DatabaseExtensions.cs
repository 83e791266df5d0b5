using Npgsql;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;

namespace Workflow.Api.Extensions;

public static class DatabaseExtensions
{
    public static IServiceCollection AddWorkflowDatabase(this IServiceCollection services)
    {
        // Resolved lazily so that tests' configuration overrides apply; starting the embedded cluster happens here.
        services.AddSingleton<DatabaseEndpoint>();
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString).Build());
        // Registered before Hangfire's server so the schema exists when jobs start.
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Migrates, and makes start-up fail fast on bad key configuration rather than at the first request.</summary>
    private sealed class MigrateOnStart(DatabaseEndpoint endpoint, IServiceProvider services, IHostApplicationLifetime lifetime,
        ILogger<MigrateOnStart> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // The host does not dispose singletons on every exit path; stop the embedded cluster explicitly.
            lifetime.ApplicationStopped.Register(endpoint.Dispose);
            services.GetService<Workflow.Api.Security.ApiKeyRegistry>();
            var applied = MigrationRunner.Migrate(endpoint.ConnectionString);
            if (applied.Count > 0) logger.LogInformation("Applied migrations: {Migrations}", string.Join(", ", applied));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
