using System.Diagnostics;

using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Reports;

/// <summary>
/// Converts a workbook to PDF with LibreOffice in headless mode. It runs with a private HOME and user profile so
/// parallel runs and root do not fight over ~/.config, and under a timeout because a stuck soffice would hang the run.
/// </summary>
public static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Executable() =>
        new[] { "/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "LibreOffice is not installed: the roll-up CMRT must convert to PDF. Install the Debian package libreoffice-calc (CI does, from .ci/apt-packages).");

    public static async Task<byte[]> ConvertToPdfAsync(byte[] workbook, string fileName)
    {
        var work = Directory.CreateTempSubdirectory("rollup-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, fileName);
            await File.WriteAllBytesAsync(input, workbook);
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work.FullName,
            };
            foreach (var a in new[] { "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{work.FullName}/profile",
                         "--convert-to", "pdf", "--outdir", work.FullName, input })
                start.ArgumentList.Add(a);
            start.Environment["HOME"] = work.FullName;
            using var process = EndsWithTestRun.Watch(Process.Start(start)!);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(Timeout);
            try { await process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice did not convert {fileName} within {Timeout.TotalMinutes} minutes.");
            }
            var pdf = Path.ChangeExtension(input, ".pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
                throw new InvalidOperationException($"LibreOffice failed (exit {process.ExitCode}): {await stdout} {await stderr}");
            return await File.ReadAllBytesAsync(pdf);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
