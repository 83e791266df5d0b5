using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;

namespace Workflow.DevHost.Database;

public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// Folder that holds the cluster (pg/), its log and generated credentials. Created if missing. A relative path
    /// is taken from the repository root when running from a checkout (so the service and the CLI share one
    /// cluster whatever folder they start in), else from the current directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    public string ResolvedDataDirectory => ResolveDataDirectory(DataDirectory);

    public static string ResolveDataDirectory(string path) => RepositoryPaths.Resolve(path);
    /// <summary>PostgreSQL server binaries (initdb, pg_ctl, postgres).</summary>
    public string BinDirectory { get; set; } = "/usr/lib/postgresql/15/bin";
    /// <summary>Database created inside the cluster for the service.</summary>
    public string Database { get; set; } = "workflow";
    /// <summary>OS user that owns and runs the cluster when the process runs as root (postgres refuses root).</summary>
    public string OsUser { get; set; } = "postgres";
    /// <summary>Test runs start many hosts at once, each with a pool and Hangfire workers.</summary>
    public int MaxConnections { get; set; } = 200;
    /// <summary>Throwaway clusters for tests turn durability off: faster, and nothing is worth keeping.</summary>
    public bool Durable { get; set; } = true;
    /// <summary>
    /// Throwaway clusters for tests: when the process that started the cluster ends, however it ends (kill -9
    /// included), the cluster is stopped and its folder deleted.
    /// </summary>
    public bool Throwaway { get; set; }
}
