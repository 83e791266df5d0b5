using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Workflow.DevHost.Database;
using Workflow.Application.Configuration;
using Workflow.Infrastructure.Database;

namespace Workflow.DevHost.Database;

/// <summary>
/// Where the database is: <c>ConnectionStrings:Postgres</c> when configured, otherwise the embedded cluster under
/// <c>Database:DataDirectory</c>, started on first use and stopped with the host if this process started it.
/// </summary>
public sealed class DatabaseEndpoint : IDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    public DatabaseEndpoint(IConfiguration configuration, ILogger<DatabaseEndpoint> logger)
    {
        var configured = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }
        var options = EmbeddedOptionsFrom(configuration);
        logger.LogInformation("No ConnectionStrings:Postgres configured; using the embedded cluster in {Folder}", options.ResolvedDataDirectory);
        _embedded = EmbeddedPostgres.Start(options);
        DataDirectory = options.ResolvedDataDirectory;
        ConnectionString = _embedded.ConnectionString;
        logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port}", _embedded.Port);
    }

    public string ConnectionString { get; }
    public bool IsEmbedded => _embedded is not null;
    /// <summary>The folder for local files (generated keys, .eml outbox) when embedded; null otherwise.</summary>
    public string? DataDirectory { get; }

    public static EmbeddedPostgresOptions EmbeddedOptionsFrom(IConfiguration configuration)
    {
        var options = new EmbeddedPostgresOptions();
        configuration.GetSection("Database").Bind(options);
        return options;
    }

    public void Dispose() => _embedded?.Dispose();
}
