using System.Diagnostics;
using Workflow.DevHost.Database;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, from the machine's own binaries, durability off.
/// Each test application gets a fresh database in it, so tests never see each other's rows.
/// </summary>
/// <remarks>
/// The cluster ends with the run however the run ends: a normal exit stops it, and a watchdog started with it stops
/// it and deletes its folder after a failure, Ctrl-C, SIGTERM or kill -9. Folders left by a run whose watchdog could
/// not do its work (no setsid, a reboot) are removed by the next run.
/// </remarks>
public static class TestCluster
{
    private const string FolderPrefix = "workflow-tests-";
    private const string OwnerFile = "owner.pid";
    private static readonly Lazy<EmbeddedPostgres> Cluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        Cluster.Value.EnsureDatabase(name);
        return Cluster.Value.ConnectionStringFor(name);
    }

    private static EmbeddedPostgres Start()
    {
        RemoveLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString());
        var pg = EmbeddedPostgres.Start(new EmbeddedPostgresOptions
        {
            DataDirectory = folder,
            Durable = false,
            // Every test class runs its own service instances at once (some two or three, each with a connection pool
            // and Hangfire's workers); 500 ran out ("too many clients already") once the records and retention tests came.
            MaxConnections = 1000,
            BinDirectory = Environment.GetEnvironmentVariable("WORKFLOW_PG_BIN") ?? "/usr/lib/postgresql/15/bin",
            Throwaway = true,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pg.Dispose();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return pg;
    }

    /// <summary>Clusters of earlier runs whose process is gone: their server is shut down and their folder deleted.</summary>
    private static void RemoveLeftovers()
    {
        // Only this class's folders: the prefix and eight hex digits (other test folders share the prefix).
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "????????").Where(f => Path.GetFileName(f)[FolderPrefix.Length..].All(char.IsAsciiHexDigitLower)))
        {
            try
            {
                var owner = Path.Combine(folder, OwnerFile);
                if (File.Exists(owner) ? IsAlive(File.ReadAllText(owner)) : Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-30))
                    continue;
                var postmaster = Path.Combine(folder, "pg", "postmaster.pid");
                if (File.Exists(postmaster) && int.TryParse(File.ReadLines(postmaster).First().Trim(), out var pid))
                    Signal(pid, "QUIT"); // PostgreSQL's immediate shutdown
                Thread.Sleep(200);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run is removing it, or it is not ours to remove; leave it.
            }
        }
    }

    private static bool IsAlive(string pidText)
    {
        if (!int.TryParse(pidText.Trim(), out var pid)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString()]) { RedirectStandardError = true });
        kill?.WaitForExit(5000);
    }
}
