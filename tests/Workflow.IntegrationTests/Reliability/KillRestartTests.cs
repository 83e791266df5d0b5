using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflow.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Workflow.IntegrationTests.Reliability;

/// <summary>
/// kill -9 the service in the middle of a wave of 1,000 due reminders, start it again, and count what the SMTP server
/// received. Its output is recorded in docs/reliability.md.
/// </summary>
[Collection(TimingSensitive.Name)]
public class KillRestartTests(ITestOutputHelper output)
{
    private const int Suppliers = 1000;

    [Fact]
    public async Task KillDuringReminderWave_AfterRestart_EveryReminderSentOnce()
    {
        await using var sink = new SmtpSink().Start();
        var connectionString = TestCluster.NewDatabase();
        var log = Path.Combine(Path.GetTempPath(), $"kill-restart-{Guid.NewGuid():N}.log");
        // Only the reminder wave: every later step is years away, so nothing queues behind the reminders.
        var definition = Path.Combine(Path.GetTempPath(), $"follow-up-{Guid.NewGuid():N}.json");
        File.WriteAllText(definition, """
            { "version": "kill-restart", "timers": { "AwaitingResponse": "P14D", "Reminded": "P3650D", "SecondRequestSent": "P3650D",
              "AwaitingCorrection": "P3650D", "Invalid": "P3651D", "AwaitingProductLevelCmrt": "P3650D", "ProductLevelRequested": "P3651D", "EscalationOpen": "P3650D" } }
            """);
        var settings = new Dictionary<string, string?>(sink.Settings())
        {
            ["Workflow:FollowUpDefinition"] = definition,
            // 14 days → 8 s: the reminder wave starts 8 s after the launch.
            ["Workflow:TimeScale"] = (14 * 86400 / 8).ToString(),
            // A killed dispatcher's claims come free after 5 s instead of 2 min.
            ["Email:LeaseDuration"] = "00:00:05",
            ["Email:RetryDelay"] = "00:00:01",
            ["Email:BatchSize"] = "20",
        };
        using var service = new ServiceProcess(connectionString, settings, log);
        await service.StartAsync();

        var owner = service.Client();
        var campaign = (await (await owner.PostAsJsonAsync("/api/campaigns", new { name = "kill -9", periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/campaigns/{campaign}/suppliers", new StringContent(ApiSteps.SupplierCsv(Suppliers, "kill"), System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        (await owner.PostAsync($"/api/campaigns/{campaign}/launch", null)).EnsureSuccessStatusCode();

        static int Reminders(IReadOnlyList<MimeKit.MimeMessage> m) => m.Count(x => x.Headers["X-Workflow-Kind"] == "reminder");
        await sink.WaitForAsync(m => Reminders(m) >= Suppliers / 4, TimeSpan.FromSeconds(120));
        // Kill while the relay is still receiving: somewhere inside a batch of the dispatcher.
        var atKill = Reminders(sink.Messages);
        service.Kill();
        var firedAtKill = await ScalarAsync(connectionString, "select count(*) from workflow.audit_entries where trigger = 'ReminderDue'");
        output.WriteLine($"killed with {atKill} reminders received and {firedAtKill} reminder transitions committed");
        Assert.InRange(atKill, 1, Suppliers - 1);

        await service.StartAsync();
        await sink.WaitForAsync(m => m.Where(x => x.Headers["X-Workflow-Kind"] == "reminder").Select(x => x.MessageId).Distinct().Count() >= Suppliers,
            TimeSpan.FromSeconds(120));
        // Give a late duplicate time to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(7));
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select 'outbox ' || kind || ' ' || status || ': ' || count(*) || ' rows, at most ' || max(attempts) || ' attempt(s)' from workflow.outbox group by kind, status", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) output.WriteLine($"state: {r.GetValue(0)}");
        }
        output.WriteLine($"service alive: {service.IsRunning}");
        service.Kill();

        var reminders = sink.Messages.Where(x => x.Headers["X-Workflow-Kind"] == "reminder").ToList();
        var distinctIds = reminders.Select(m => m.MessageId).Distinct().Count();
        var distinctCases = reminders.Select(m => m.Headers["X-Workflow-Case"]).Distinct().Count();
        var transitions = await ScalarAsync(connectionString, "select count(*) from workflow.audit_entries where trigger = 'ReminderDue'");
        var rows = await ScalarAsync(connectionString, "select count(*) from workflow.outbox where kind = 'reminder'");
        var sent = await ScalarAsync(connectionString, "select count(*) from workflow.outbox where kind = 'reminder' and status = 'sent'");
        output.WriteLine($"after restart: {reminders.Count} reminder e-mails received, {distinctIds} distinct Message-IDs, {distinctCases} distinct cases; " +
            $"{transitions} ReminderDue transitions, {rows} outbox rows, {sent} marked sent; log {log}");

        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select id, status, attempts, next_attempt_at, last_error, now() from workflow.outbox where kind = 'reminder' and status <> 'sent' limit 20", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) output.WriteLine($"unsent: {r.GetValue(0)} {r.GetValue(1)} attempts={r.GetValue(2)} next={r.GetValue(3)} error={r.GetValue(4)} now={r.GetValue(5)}");
        }
        Assert.Equal(Suppliers, transitions);
        Assert.Equal(Suppliers, rows);
        Assert.Equal(Suppliers, sent);
        Assert.Equal(Suppliers, distinctCases);
        Assert.Equal(Suppliers, distinctIds);
        // The documented window: a message the relay accepted in the instant before the kill can go out once more,
        // with the same Message-ID; at most one per dispatcher (one here).
        Assert.InRange(reminders.Count - distinctIds, 0, 1);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
