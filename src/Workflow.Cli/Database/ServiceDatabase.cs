using Microsoft.Extensions.Configuration;
using Npgsql;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;

namespace Workflow.Cli.Database;

/// <summary>
/// The database the service uses: <c>ConnectionStrings:Postgres</c> when set, else the embedded cluster in
/// <c>Database:DataDirectory</c>, joined when the service already runs it and otherwise started for this command and
/// stopped again. Migrations run first so the CLI works before the service has ever started.
/// </summary>
public sealed class ServiceDatabase : IDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private ServiceDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        _embedded = embedded;
        MigrationRunner.Migrate(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    public static ServiceDatabase Open(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(configured)) return new ServiceDatabase(configured, null);
        var embedded = EmbeddedPostgres.Start(DatabaseEndpoint.EmbeddedOptionsFrom(configuration));
        try
        {
            return new ServiceDatabase(embedded.ConnectionString, embedded);
        }
        catch
        {
            embedded.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        DataSource.Dispose();
        _embedded?.Dispose();
    }
}
