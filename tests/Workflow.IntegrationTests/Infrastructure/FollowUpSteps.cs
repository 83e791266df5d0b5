using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>Launching campaigns and reading case stages and the outbox, for the follow-up and e-mail tests.</summary>
public static class FollowUpSteps
{
    public static async Task<Guid[]> LaunchAsync(this WorkflowApp app, int suppliers, string prefix, string language = "en")
    {
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync(prefix);
        var rows = Enumerable.Range(1, suppliers).Select(i => new
        {
            name = $"{prefix} {i} GmbH", email = $"{prefix}{i}@supplier.test", country = "Germany", contactName = $"Contact {i}", language,
        });
        var import = await owner.PostAsJsonAsync($"/api/campaigns/{campaign}/suppliers", rows);
        import.EnsureSuccessStatusCode();
        return (await owner.LaunchAndListAsync(campaign)).Select(c => c.GetProperty("id").GetGuid()).ToArray();
    }

    public static async Task<(string Stage, int Version, DateTimeOffset? DueAt)> CaseAsync(this WorkflowApp app, Guid caseId)
    {
        await using var cmd = app.Service<NpgsqlDataSource>().CreateCommand("select stage, version, due_at from workflow.cases where id = @id");
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), $"case {caseId} not found");
        return (r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2));
    }

    public static async Task<List<string>> OutboxKindsAsync(this WorkflowApp app, Guid caseId)
    {
        await using var cmd = app.Service<NpgsqlDataSource>().CreateCommand("select kind from workflow.outbox where case_id = @id order by id");
        cmd.Parameters.AddWithValue("id", caseId);
        var kinds = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) kinds.Add(r.GetString(0));
        return kinds;
    }

    public static async Task<long> ScalarAsync(this WorkflowApp app, string sql)
    {
        await using var cmd = app.Service<NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public static async Task<string?> ScalarTextAsync(this WorkflowApp app, string sql)
    {
        await using var cmd = app.Service<NpgsqlDataSource>().CreateCommand(sql);
        return await cmd.ExecuteScalarAsync() as string;
    }

    public static async Task ExecuteAsync(this WorkflowApp app, string sql)
    {
        await using var cmd = app.Service<NpgsqlDataSource>().CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<List<JsonElement>> HistoryAsync(this WorkflowApp app, Guid caseId)
    {
        var detail = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return detail.GetProperty("history").EnumerateArray().ToList();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string>>? describe = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"timed out waiting for {what}" + (describe is null ? "" : "\n" + await describe()));
            await Task.Delay(100);
        }
    }

    /// <summary>Settings for tests that drive timers and the dispatcher themselves, without background runs racing them.</summary>
    public static Dictionary<string, string?> Manual(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false",
            // 1 January only: the recurring sweep must not race the test's own sweeps.
            ["Workflow:SweepCron"] = "0 0 1 1 *",
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return settings;
    }
}
