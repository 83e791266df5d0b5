using System.Globalization;

namespace Workflow.Reevaluation.Benchmarks;

/// <summary>
/// CPU seconds used by the service process and by the PostgreSQL cluster (the postmaster, the backends it reaped and
/// the live ones), read from /proc: the figure that does not depend on how busy other people keep the machine.
/// </summary>
public sealed class CpuMeter(int servicePid, string dataDirectory)
{
    private static readonly double Tick = 100.0; // USER_HZ on Linux

    public (double Service, double Database) Read()
    {
        // The cluster lives in a folder below the benchmark's (EmbeddedPostgres' own layout).
        var pidFile = Directory.EnumerateFiles(dataDirectory, "postmaster.pid", SearchOption.AllDirectories).First();
        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        var database = Seconds(postmaster, withChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && Stat(pid) is { } f && f[1] == postmaster.ToString(CultureInfo.InvariantCulture))
                database += Seconds(pid, withChildren: false);
        return (Seconds(servicePid, withChildren: true), database);
    }

    private static double Seconds(int pid, bool withChildren)
    {
        if (Stat(pid) is not { } f) return 0;
        // Fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
        var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        if (withChildren) ticks += long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture);
        return ticks / Tick;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
