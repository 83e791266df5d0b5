using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using Workflow.Application.Configuration;
using Workflow.Infrastructure.Database;

namespace Workflow.DevHost.Database;

/// <summary>
/// A private PostgreSQL cluster in a folder: initdb on first use, pg_ctl on a free loopback port, reused when
/// another process (the service or the CLI) already runs it, stopped on dispose only by the process that started it.
/// </summary>
/// <remarks>
/// Unix sockets are switched off and the server listens on 127.0.0.1 only, so the cluster is reachable from this
/// machine alone, with a generated password kept in the data folder (mode 600).
/// </remarks>
public sealed class EmbeddedPostgres : IDisposable
{
    private const string Superuser = "workflow";
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _root;
    private readonly string _clusterDir;
    private readonly string? _runAs;
    private bool _startedHere;

    private EmbeddedPostgres(EmbeddedPostgresOptions options)
    {
        _options = options;
        _root = options.ResolvedDataDirectory;
        _clusterDir = Path.Combine(_root, "pg");
        _runAs = IsRoot() ? options.OsUser : null;
    }

    public int Port { get; private set; }
    public string ConnectionString { get; private set; } = "";
    public string ClusterDirectory => _clusterDir;

    /// <summary>Starts (or joins) the cluster and makes sure the service database exists.</summary>
    public static EmbeddedPostgres Start(EmbeddedPostgresOptions options)
    {
        var pg = new EmbeddedPostgres(options);
        pg.StartCore();
        return pg;
    }

    private void StartCore()
    {
        Directory.CreateDirectory(_root);
        // Two processes starting together (service + CLI, or two test hosts) must not both run initdb or pg_ctl.
        using var startLock = AcquireStartLock();
        var password = EnsurePassword();
        if (!File.Exists(Path.Combine(_clusterDir, "PG_VERSION"))) InitDb(password);

        var running = ReadRunningPort();
        if (running is int port && CanConnect(port, password))
        {
            Port = port;
        }
        else
        {
            Port = FreeLoopbackPort();
            StartServer(Port);
            _startedHere = true;
            StopWhenThisProcessEnds();
        }
        ConnectionString = BuildConnectionString(Port, password, "postgres");
        EnsureDatabase(_options.Database);
        ConnectionString = BuildConnectionString(Port, password, _options.Database);
    }

    /// <summary>A connection string to another database in the same cluster (tests create one per class).</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    public void EnsureDatabase(string database)
    {
        using var conn = new NpgsqlConnection(ConnectionStringFor("postgres"));
        conn.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (exists.ExecuteScalar() is not null) return;
        try
        {
            using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", conn);
            create.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase || e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our check and our create.
        }
    }

    public void Dispose()
    {
        if (!_startedHere) return;
        _startedHere = false;
        ProcessRunner.Run(Path.Combine(_options.BinDirectory, "pg_ctl"),
            ["stop", "-D", _clusterDir, "-m", "fast", "-w", "-t", "60"], _runAs, TimeSpan.FromSeconds(90));
    }

    /// <summary>
    /// For throwaway clusters, a watchdog outside this process (its own session, so a kill of our process group spares
    /// it) that stops the cluster and deletes its folder once this process is gone, however it went: a failing test
    /// run, Ctrl-C, SIGTERM or kill -9 give the process no chance to do it itself. A service's own cluster is not
    /// watched: after a crash the next start joins it, and a watchdog could stop it under the restarted service.
    /// </summary>
    private void StopWhenThisProcessEnds()
    {
        if (!_options.Throwaway || OperatingSystem.IsWindows()) return;
        var postmasterPid = File.ReadLines(Path.Combine(_clusterDir, "postmaster.pid")).FirstOrDefault()?.Trim() ?? "";
        var stop = string.Join(' ', (_runAs is null ? [] : new[] { "runuser", "-u", Quote(_runAs), "--" })
            .Concat([Quote(Path.Combine(_options.BinDirectory, "pg_ctl")), "stop", "-D", Quote(_clusterDir), "-m", "immediate", "-w"]));
        // Only the server this process started is stopped, never one started in the same folder later.
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                     $"if [ \"$(head -n1 {Quote(Path.Combine(_clusterDir, "postmaster.pid"))})\" = {Quote(postmasterPid)} ]; then {stop}; fi; " +
                     $"rm -rf {Quote(_root)}";
        var psi = new System.Diagnostics.ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var a in new[] { "sh", "-c", script }) psi.ArgumentList.Add(a);
        try
        {
            using var _ = System.Diagnostics.Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid (util-linux): the process's own exit handler still stops the cluster on a normal exit.
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private FileStream AcquireStartLock()
    {
        var path = Path.Combine(_root, "pg.start.lock");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private string EnsurePassword()
    {
        var path = Path.Combine(_root, "pg.password");
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    private void InitDb(string password)
    {
        if (Directory.Exists(_clusterDir)) Directory.Delete(_clusterDir, recursive: true);
        Directory.CreateDirectory(_clusterDir);
        var pwFile = Path.Combine(_clusterDir + ".pwfile");
        File.WriteAllText(pwFile, password);
        try
        {
            if (_runAs is not null)
            {
                EnsureOsUser(_runAs);
                Chown(_clusterDir);
                Chown(pwFile);
                EnsureTraversable(_root);
            }
            var (code, output) = ProcessRunner.Run(Path.Combine(_options.BinDirectory, "initdb"),
                ["-D", _clusterDir, "-U", Superuser, "--pwfile", pwFile, "--auth=scram-sha-256", "-E", "UTF8",
                 "--no-locale", "--no-instructions", .. _options.Durable ? Array.Empty<string>() : ["--no-sync"]],
                _runAs, TimeSpan.FromMinutes(3));
            if (code != 0) throw new InvalidOperationException($"initdb failed for {_clusterDir}:\n{output}");
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    private void StartServer(int port)
    {
        var log = Path.Combine(_root, "pg.log");
        if (_runAs is not null)
        {
            if (!File.Exists(log)) File.WriteAllText(log, "");
            Chown(log);
        }
        var serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections={_options.MaxConnections}" +
            (_options.Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var (code, output) = ProcessRunner.Run(Path.Combine(_options.BinDirectory, "pg_ctl"),
            ["start", "-D", _clusterDir, "-l", log, "-w", "-t", "120", "-o", serverOptions], _runAs, TimeSpan.FromMinutes(3));
        if (code != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "";
            throw new InvalidOperationException($"pg_ctl could not start the cluster in {_clusterDir}:\n{output}\n{tail}");
        }
    }

    /// <summary>postmaster.pid line 4 holds the port of a running server.</summary>
    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(_clusterDir, "postmaster.pid");
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var p) ? p : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static bool CanConnect(int port, string password)
    {
        try
        {
            using var conn = new NpgsqlConnection(BuildConnectionString(port, password, "postgres") + ";Timeout=3");
            conn.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static string BuildConnectionString(int port, string password, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = password,
            Database = database,
            MaxPoolSize = 50,
        }.ConnectionString;

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A machine with only the server binaries may lack the account; create a system user without login.</summary>
    private static void EnsureOsUser(string user)
    {
        if (ProcessRunner.Run("id", ["-u", user], null, TimeSpan.FromSeconds(10)).ExitCode == 0) return;
        var (code, output) = ProcessRunner.Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user], null, TimeSpan.FromSeconds(30));
        if (code != 0) throw new InvalidOperationException($"Running as root, PostgreSQL needs a non-root OS user; creating '{user}' failed: {output}");
    }

    private void Chown(string path)
    {
        var (code, output) = ProcessRunner.Run("chown", ["-R", _runAs!, path], null, TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"chown {_runAs} {path} failed: {output}");
    }

    /// <summary>The cluster's OS user must be able to reach the folder through every parent.</summary>
    private static void EnsureTraversable(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
        }
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && geteuid() == 0;

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
