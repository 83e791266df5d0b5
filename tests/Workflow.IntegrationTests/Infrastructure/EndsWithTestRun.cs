using System.Diagnostics;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// Servers the tests start as child processes (the service, Dovecot, LibreOffice) die with the test run: a watchdog in
/// its own session kills the child once the test process is gone, even after kill -9, when no Dispose runs.
/// </summary>
public static class EndsWithTestRun
{
    public static Process Watch(Process child)
    {
        if (OperatingSystem.IsWindows()) return child;
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} && kill -0 {child.Id}; do sleep 1; done; " +
                     $"kill -0 {child.Id} && kill -KILL {child.Id}";
        try
        {
            using var _ = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Without setsid the child is still stopped by Dispose on every ordinary exit.
        }
        return child;
    }
}
