using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Workflow.FollowUp.Benchmarks;
using Workflow.DevHost.Database;
using Workflow.IntegrationTests.Infrastructure;

// Launch N suppliers (default 100,000) through the HTTP API of the service running as its own process on a fresh,
// durable PostgreSQL cluster; then let the reminder wave fall due by itself (the survey timer is set so that it runs out
// once the survey e-mails are out) and measure how the timers fire it through Hangfire into a counting SMTP sink.
// Usage: dotnet run -c Release --project tests/Workflow.FollowUp.Benchmarks [-- <suppliers>]
// The last line is: launch_s=<s> wave_s=<s> wave_transitions_per_s=<n> timer_bytes_per_case=<n>
var suppliers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var folder = Path.Combine(Path.GetTempPath(), "followup-bench-" + Guid.NewGuid().ToString("N")[..8]);
using var pg = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = true, MaxConnections = 200 });
pg.EnsureDatabase("bench");
var connectionString = pg.ConnectionStringFor("bench");
await using var sink = new CountingSink();

// The reminder falls due this long after launch: after the surveys are out (300–1,300 e-mails/s here), so that the
// wave measures the timers, not the survey mail competing with them. Every later step is years away.
var reminderAfter = TimeSpan.FromSeconds(Math.Max(30, suppliers / 300));
var definition = Path.Combine(folder, "follow-up.json");
File.WriteAllText(definition, $$"""
    { "version": "bench", "timers": { "AwaitingResponse": "PT{{reminderAfter.TotalSeconds:0}}S", "Reminded": "P3650D", "SecondRequestSent": "P3650D",
      "AwaitingCorrection": "P3650D", "Invalid": "P3651D", "AwaitingProductLevelCmrt": "P3650D", "ProductLevelRequested": "P3651D", "EscalationOpen": "P3650D" } }
    """);
using var service = new ServiceProcess(connectionString, new Dictionary<string, string?>
{
    ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture), ["Smtp:TlsMode"] = "None", ["Smtp:Pipelining"] = "false",
    ["Workflow:FollowUpDefinition"] = definition,
    ["Email:BatchSize"] = "500",
}, Path.Combine(folder, "service.log"));
await service.StartAsync();
using var http = service.Client(TimeSpan.FromMinutes(10));

Console.WriteLine($"# Follow-up benchmark: {suppliers:N0} suppliers, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
var campaign = await PostJsonAsync(http, "/api/campaigns", """{"name":"bench","periodStart":"2026-01-01","periodEnd":"2026-12-31","responseDueDate":"2027-03-31"}""");
var id = System.Text.Json.JsonDocument.Parse(campaign).RootElement.GetProperty("id").GetString();

var csv = new StringBuilder("name,email,country\n");
for (var i = 1; i <= suppliers; i++) csv.Append(CultureInfo.InvariantCulture, $"Supplier {i} Ltd,s{i}@bench.test,Germany\n");
var sw = Stopwatch.StartNew();
(await http.PostAsync($"/api/campaigns/{id}/suppliers", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
var import = sw.Elapsed;
Console.WriteLine($"import:  {import.TotalSeconds:0.0} s ({suppliers / import.TotalSeconds:N0} suppliers/s)");

var timersBefore = await TimerBytesAsync(connectionString);
sw.Restart();
(await http.PostAsync($"/api/campaigns/{id}/launch", null)).EnsureSuccessStatusCode();
var launch = sw.Elapsed;
var timersAfterLaunch = await TimerBytesAsync(connectionString);
var due = await DueAtAsync(connectionString);
Console.WriteLine($"launch:  {launch.TotalSeconds:0.00} s ({suppliers / launch.TotalSeconds:N0} cases/s, audit entries and survey e-mails queued in the same transaction)");
var timerBytesPerCase = (double)(timersAfterLaunch - timersBefore) / suppliers;
Console.WriteLine($"timers:  {timersAfterLaunch - timersBefore:N0} bytes more in the Hangfire tables, workflow.follow_up_wakeups and the cases_due index ({timerBytesPerCase:0.0} bytes per case)");

await WaitAsync(() => sink.Count("survey") >= suppliers, TimeSpan.FromMinutes(30));
var survey = sink.Times("survey");
Console.WriteLine($"surveys: {suppliers:N0} e-mails in {(survey.Last - survey.First).TotalSeconds:0.0} s ({suppliers / (survey.Last - survey.First).TotalSeconds:N0} e-mails/s)");

// Nothing pokes the service: the cases fall due at launch + reminderAfter, and the timers' wake-up fires the wave.
if (survey.Last > due) Console.WriteLine($"note: the last survey went out {(survey.Last - due).TotalSeconds:0.0} s after the reminders fell due");
await WaitAsync(() => sink.Count("reminder") >= suppliers, TimeSpan.FromMinutes(60));
var reminders = sink.Times("reminder");
var (firstFired, lastFired) = await FiredAsync(connectionString);
var wave = lastFired - due;
var rate = suppliers / (lastFired - firstFired).TotalSeconds;
Console.WriteLine($"wave:    first reminder transition {(firstFired - due).TotalSeconds:0.0} s after the cases fell due; {suppliers:N0} reminder transitions in {(lastFired - firstFired).TotalSeconds:0.0} s ({rate:N0}/s); due → last transition {wave.TotalSeconds:0.0} s");
Console.WriteLine($"         {suppliers:N0} reminder e-mails in {(reminders.Last - reminders.First).TotalSeconds:0.0} s ({suppliers / (reminders.Last - reminders.First).TotalSeconds:N0} e-mails/s); due → last sent {(reminders.Last - due).TotalSeconds:0.0} s");
var timersAfterWave = await TimerBytesAsync(connectionString);
Console.WriteLine($"timers after the wave (the next timer of every case set): {(double)(timersAfterWave - timersBefore) / suppliers:0.0} bytes per case");
foreach (var line in await SizesAsync(connectionString)) Console.WriteLine(line);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"launch_s={launch.TotalSeconds:0.00} wave_s={wave.TotalSeconds:0.00} wave_transitions_per_s={rate:0} timer_bytes_per_case={timerBytesPerCase:0}"));
service.Kill();
pg.Dispose();
try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
return 0;

static async Task<string> PostJsonAsync(HttpClient http, string path, string json)
{
    var r = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    r.EnsureSuccessStatusCode();
    return await r.Content.ReadAsStringAsync();
}

static async Task WaitAsync(Func<bool> done, TimeSpan timeout)
{
    var until = DateTime.UtcNow + timeout;
    while (!done()) { if (DateTime.UtcNow > until) throw new TimeoutException(); await Task.Delay(200); }
}

// Timer storage: every Hangfire table, the wake-up buckets, and the index the timers are found by.
static async Task<long> TimerBytesAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand("""
        select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where (n.nspname = 'hangfire' and c.relkind = 'r') or (n.nspname = 'workflow' and c.relname in ('follow_up_wakeups', 'cases_due'))
        """, conn);
    return (long)(await cmd.ExecuteScalarAsync())!;
}

static async Task<DateTime> DueAtAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand("select min(due_at) from workflow.cases", conn);
    return (DateTime)(await cmd.ExecuteScalarAsync())!;
}

static async Task<(DateTime, DateTime)> FiredAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand("select min(at), max(at) from workflow.audit_entries where trigger = 'ReminderDue'", conn);
    await using var r = await cmd.ExecuteReaderAsync();
    await r.ReadAsync();
    return (r.GetDateTime(0), r.GetDateTime(1));
}

static async Task<List<string>> SizesAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand("""
        select 'database ' || pg_size_pretty(pg_database_size(current_database()))
        union all
        select * from (select '  ' || n.nspname || '.' || c.relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid))
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and n.nspname in ('workflow', 'hangfire')
         order by pg_total_relation_size(c.oid) desc limit 8) t
        """, conn);
    var lines = new List<string>();
    await using var r = await cmd.ExecuteReaderAsync();
    while (await r.ReadAsync()) lines.Add(r.GetString(0));
    return lines;
}
