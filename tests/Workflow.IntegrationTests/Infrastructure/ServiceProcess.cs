using System.Diagnostics;
using System.Net.Http.Headers;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// The built service (src/Workflow.Api/bin/.../Workflow.Api.dll) started as its own OS process with `dotnet`, so a test
/// or benchmark can kill it with SIGKILL mid-work and start it again on the same database.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    public const string OwnerKey = "process-owner-key";
    private readonly Dictionary<string, string> _environment;
    private readonly string _logFile;
    private Process? _process;

    public ServiceProcess(string connectionString, IDictionary<string, string?> settings, string logFile)
    {
        Port = FreePort();
        _logFile = logFile;
        _environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Auth__ApiKeys__0__Name"] = "owner",
            ["Auth__ApiKeys__0__Key"] = OwnerKey,
            ["Auth__ApiKeys__0__Roles__0"] = "ComplianceOwner",
            ["SupplierLinks__SigningKey"] = "process-signing-key-of-at-least-32-characters",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Workflow"] = Environment.GetEnvironmentVariable("SERVICE_LOG_LEVEL") ?? "Warning",
        };
        foreach (var (k, v) in settings) _environment[k.Replace(":", "__")] = v ?? "";
    }

    public int Port { get; }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The service's process id (benchmarks read its CPU time).</summary>
    public int? ProcessId => _process?.Id;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static string ApiDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var root = Workflow.Application.Configuration.RepositoryPaths.Root
            ?? throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root, "src", "Workflow.Api", "bin", configuration, "net10.0", "Workflow.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing; build the solution first.");
    }

    public async Task StartAsync()
    {
        var dll = ApiDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(dll))))))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (k, v) in _environment) info.Environment[k] = v;
        _process = EndsWithTestRun.Watch(Process.Start(info)!);
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The service exited with {_process.ExitCode}; see {_logFile}");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service did not answer /healthz within 60 s; see {_logFile}");
    }

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_environment) File.AppendAllText(_logFile, line + "\n");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crashed machine's process.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OwnerKey);
        return client;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}
