using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Evaluation;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reference;
using Workflow.DevHost.Database;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Rules.Assessment;
using Workflow.Reevaluation.Benchmarks;
using Workflow.Rules.Bench;
using Workflow.Rules.Policies;

// Re-evaluation of N current submissions (default 10,000) of one campaign through the service's own path: the
// service runs as its own process on a fresh, durable PostgreSQL cluster; the benchmark seeds the campaign directly in
// the database (bulk COPY: suppliers, cases, submissions with their evaluation under reference list 1 and their
// stored declaration), imports reference list 2 (5% of the smelters' audit statuses changed), then asks the API for
// the simulation and for "apply" under the newest list and the 2026-strict example policy (BENCH_POLICY to choose
// another), and polls GET /api/jobs/{id} until the Hangfire job is done. CPU seconds of the service and of PostgreSQL
// are printed beside the wall-clock times, since other work on the machine stretches the latter.
// Usage: dotnet run -c Release --project tests/bench/Workflow.Reevaluation.Benchmarks [-- <submissions> [<min rows> <max rows>]]
// The last line is: submissions=<n> simulate_s=<s> apply_s=<s> job_s=<s> apply_cpu_s=<s> changed=<n> moved=<n>
if (args is ["profile", ..]) { Profile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000); return; }
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var minRows = args.Length > 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var maxRows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
var policy = Environment.GetEnvironmentVariable("BENCH_POLICY") ?? "2026-strict";
var folder = Path.Combine(Path.GetTempPath(), "reeval-bench-" + Guid.NewGuid().ToString("N")[..8]);
using var pg = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = true, MaxConnections = 200 });
pg.EnsureDatabase("bench");
var connectionString = pg.ConnectionStringFor("bench");
using var service = new ServiceProcess(connectionString, new Dictionary<string, string?>(), Path.Combine(folder, "service.log"));
await service.StartAsync();
using var http = service.Client(TimeSpan.FromMinutes(10));
Console.WriteLine($"# Re-evaluation benchmark: {count:N0} submissions with {minRows}–{maxRows} smelter rows, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");

// The data: list 1 as the submissions were evaluated, list 2 the newer import a compliance owner re-evaluates against.
var sw = Stopwatch.StartNew();
var list1 = SyntheticData.ReferenceList(1500);
var random = new Random(7);
var list2 = new SmelterReferenceList("synthetic-1500-newer", list1.All.Select(e => random.NextDouble() < 0.05
    ? e with { AuditStatus = e.AuditStatus == "Conformant" ? "Non-Conformant" : "Conformant" } : e));
var declarations = Submitted.Complete(SyntheticData.Declarations(count, list1, minRows, maxRows));
var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
var rules = PolicyRuleSet.Compile();
var seeded = new (string Outcome, string Evaluation, byte[] Declaration)[count];
Parallel.For(0, count, () => new PolicyAssessor(rules, PolicyLoader.Default, list1), (i, _, assessor) =>
{
    var e = ServiceDeclarationEvaluator.Evaluate(assessor, list1, declarations[i], asOf);
    seeded[i] = (e.Outcome.ToWire(), JsonSerializer.Serialize(e, SubmissionService.EvaluationJson), SubmissionDeclarations.Serialize(declarations[i]));
    return assessor;
}, _ => { });
Console.WriteLine($"data:    {count:N0} declarations, {declarations.Sum(d => d.Smelters.Count):N0} smelter rows, evaluated under list 1 in {sw.Elapsed.TotalSeconds:0.0} s; outcomes " +
    string.Join(", ", seeded.GroupBy(s => s.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}")));

var campaign = JsonDocument.Parse(await PostJsonAsync(http, "/api/campaigns",
    """{"name":"bench","periodStart":"2026-01-01","periodEnd":"2026-12-31","responseDueDate":"2027-03-31"}""")).RootElement.GetProperty("id").GetGuid();
sw.Restart();
await SeedAsync(connectionString, campaign, seeded, list1, list2);
Console.WriteLine($"seed:    {sw.Elapsed.TotalSeconds:0.0} s (COPY of suppliers, cases, submissions, declarations; lists imported)");

// The newest list (the default) and the stricter example policy, so that outcomes change and cases move.
var cpu = new CpuMeter(service.ProcessId!.Value, folder);
var request = $$"""{"policyVersion":"{{policy}}","apply":false}""";
var cpuBefore = cpu.Read();
sw.Restart();
var simulation = JsonDocument.Parse(await PostJsonAsync(http, $"/api/campaigns/{campaign}/reevaluations", request)).RootElement;
var simulate = sw.Elapsed;
var cpuSimulate = cpu.Read();
Console.WriteLine($"simulate: {simulate.TotalSeconds:0.0} s ({count / simulate.TotalSeconds:N0} submissions/s; CPU: service {cpuSimulate.Service - cpuBefore.Service:0.0} s, PostgreSQL {cpuSimulate.Database - cpuBefore.Database:0.0} s): " +
    $"{simulation.GetProperty("changes").GetArrayLength():N0} cases would change, {simulation.GetProperty("outcomesChanged").GetInt32():N0} in outcome, " +
    $"{simulation.GetProperty("casesToMove").GetInt32():N0} would move (list {simulation.GetProperty("referenceListVersion").GetString()}, policy {policy})");

sw.Restart();
var jobId = JsonDocument.Parse(await PostJsonAsync(http, $"/api/campaigns/{campaign}/reevaluations", request.Replace("false", "true"))).RootElement.GetProperty("jobId").GetGuid();
JsonElement run;
while (true)
{
    run = JsonDocument.Parse(await http.GetStringAsync($"/api/jobs/{jobId}")).RootElement;
    if (run.GetProperty("status").GetString() is "done" or "failed") break;
    await Task.Delay(250);
}
var apply = sw.Elapsed;
var cpuApply = cpu.Read();
var job = run.GetProperty("finishedAt").GetDateTimeOffset() - run.GetProperty("startedAt").GetDateTimeOffset();
Console.WriteLine($"apply:   {run.GetProperty("status").GetString()} in {apply.TotalSeconds:0.0} s from the request (job itself {job.TotalSeconds:0.0} s, {count / job.TotalSeconds:N0} submissions/s): " +
    $"{run.GetProperty("done").GetInt32():N0} of {run.GetProperty("total").GetInt32():N0} re-evaluated, {run.GetProperty("changed").GetInt32():N0} outcomes changed, " +
    $"{run.GetProperty("moved").GetInt32():N0} cases moved, {run.GetProperty("notMoved").GetInt32():N0} not moved, {run.GetProperty("errors").GetArrayLength()} errors");
Console.WriteLine($"         CPU: service {cpuApply.Service - cpuSimulate.Service:0.0} s, PostgreSQL {cpuApply.Database - cpuSimulate.Database:0.0} s; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"submissions={count} simulate_s={simulate.TotalSeconds:0.0} apply_s={apply.TotalSeconds:0.0} job_s={job.TotalSeconds:0.0} apply_cpu_s={cpuApply.Service - cpuSimulate.Service + cpuApply.Database - cpuSimulate.Database:0.0} changed={run.GetProperty("changed").GetInt32()} moved={run.GetProperty("moved").GetInt32()}"));
service.Kill();
pg.Dispose();
try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }

static async Task<string> PostJsonAsync(HttpClient http, string path, string json)
{
    var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {body}");
    return body;
}

static async Task SeedAsync(string cs, Guid campaign, (string Outcome, string Evaluation, byte[] Declaration)[] seeded,
    SmelterReferenceList list1, SmelterReferenceList list2)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    var now = DateTimeOffset.UtcNow;
    foreach (var (list, at) in new[] { (list1, now.AddDays(-30)), (list2, now) })
    {
        // The store's own shape (ReferenceListStore.StoredEntry), so the service reads these as it reads its imports.
        var entries = list.All.Select(e => new { e.Cid, Metal = e.Metal.ToString(), e.StandardName, e.Country, e.StateProvince, e.V2Id, e.Aliases, e.AuditStatus });
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.reference_lists (version, source, imported_at, imported_by, entry_count, entries) values (@v, 'benchmark', @at, 'benchmark', @n, @e)
            """, conn);
        cmd.Parameters.AddWithValue("v", list.Version);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("n", list.Count);
        cmd.Parameters.AddWithValue("e", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(entries, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        await cmd.ExecuteNonQueryAsync();
    }
    await using (var cmd = new NpgsqlCommand("update workflow.campaigns set launched_at = @now where id = @id", conn))
    {
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("id", campaign);
        await cmd.ExecuteNonQueryAsync();
    }
    var suppliers = seeded.Select(_ => Guid.CreateVersion7()).ToArray();
    var cases = seeded.Select(_ => Guid.CreateVersion7()).ToArray();
    var submissions = seeded.Select(_ => Guid.CreateVersion7()).ToArray();
    await CopyAsync(conn, "copy workflow.suppliers (id, name, email, created_at, updated_at) from stdin (format binary)", seeded.Length, async (w, i) =>
    {
        await w.WriteAsync(suppliers[i], NpgsqlDbType.Uuid);
        await w.WriteAsync($"Supplier {i + 1} Ltd", NpgsqlDbType.Text);
        await w.WriteAsync($"s{i + 1}@bench.test", NpgsqlDbType.Text);
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
    });
    await CopyAsync(conn, "copy workflow.campaign_suppliers (campaign_id, supplier_id, added_at) from stdin (format binary)", seeded.Length, async (w, i) =>
    {
        await w.WriteAsync(campaign, NpgsqlDbType.Uuid);
        await w.WriteAsync(suppliers[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
    });
    // Each case where its submission left it: accepted → Responded, red flag → Escalated, invalid → Invalid.
    await CopyAsync(conn, "copy workflow.cases (id, campaign_id, supplier_id, state, stage, version, last_outcome, escalated_at, created_at, updated_at) from stdin (format binary)", seeded.Length, async (w, i) =>
    {
        var (state, stage) = seeded[i].Outcome switch
        {
            "accepted" => ("Responded", "Responded"),
            "red-flag" => ("Escalated", "EscalationOpen"),
            _ => ("Invalid", "AwaitingCorrection"),
        };
        await w.WriteAsync(cases[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(campaign, NpgsqlDbType.Uuid);
        await w.WriteAsync(suppliers[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(state, NpgsqlDbType.Text);
        await w.WriteAsync(stage, NpgsqlDbType.Text);
        await w.WriteAsync(2, NpgsqlDbType.Integer);
        await w.WriteAsync(seeded[i].Outcome, NpgsqlDbType.Text);
        if (state == "Escalated") await w.WriteAsync(now, NpgsqlDbType.TimestampTz); else await w.WriteNullAsync();
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
    });
    var file = Encoding.ASCII.GetBytes("benchmark placeholder: the re-evaluation reads the stored declaration, never this");
    await CopyAsync(conn, """
        copy workflow.submissions (id, case_id, received_at, channel, submitted_by, file_name, size_bytes, sha256, content, outcome, template, template_version, evaluation)
        from stdin (format binary)
        """, seeded.Length, async (w, i) =>
    {
        await w.WriteAsync(submissions[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(cases[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(now.AddMinutes(-1), NpgsqlDbType.TimestampTz);
        await w.WriteAsync("upload", NpgsqlDbType.Text);
        await w.WriteAsync("benchmark", NpgsqlDbType.Text);
        await w.WriteAsync($"cmrt-{i + 1}.xlsx", NpgsqlDbType.Text);
        await w.WriteAsync(file.Length, NpgsqlDbType.Integer);
        await w.WriteAsync(new string('0', 64), NpgsqlDbType.Text);
        await w.WriteAsync(file, NpgsqlDbType.Bytea);
        await w.WriteAsync(seeded[i].Outcome, NpgsqlDbType.Text);
        await w.WriteAsync("CMRT", NpgsqlDbType.Text);
        await w.WriteAsync("6.5", NpgsqlDbType.Text);
        await w.WriteAsync(seeded[i].Evaluation, NpgsqlDbType.Jsonb);
    });
    await CopyAsync(conn, "copy workflow.submission_declarations (submission_id, case_id, recorded_at, declaration) from stdin (format binary)", seeded.Length, async (w, i) =>
    {
        await w.WriteAsync(submissions[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(cases[i], NpgsqlDbType.Uuid);
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(seeded[i].Declaration, NpgsqlDbType.Bytea);
    });
    await using var analyze = new NpgsqlCommand("analyze", conn);
    await analyze.ExecuteNonQueryAsync();
}

static async Task CopyAsync(NpgsqlConnection conn, string copy, int rows, Func<NpgsqlBinaryImporter, int, Task> row)
{
    await using var writer = await conn.BeginBinaryImportAsync(copy);
    for (var i = 0; i < rows; i++)
    {
        await writer.StartRowAsync();
        await row(writer, i);
    }
    await writer.CompleteAsync();
}
