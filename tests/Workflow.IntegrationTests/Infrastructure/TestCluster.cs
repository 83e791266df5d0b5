using Workflow.Infrastructure.Database.Embedded;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, from the machine's own binaries, durability off.
/// Each test application gets a fresh database in it, so tests never see each other's rows.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<EmbeddedPostgres> Cluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        Cluster.Value.EnsureDatabase(name);
        return Cluster.Value.ConnectionStringFor(name);
    }

    private static EmbeddedPostgres Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflow-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var pg = EmbeddedPostgres.Start(new EmbeddedPostgresOptions
        {
            DataDirectory = folder,
            Durable = false,
            MaxConnections = 500,
            BinDirectory = Environment.GetEnvironmentVariable("WORKFLOW_PG_BIN") ?? "/usr/lib/postgresql/15/bin",
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pg.Dispose();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return pg;
    }
}
