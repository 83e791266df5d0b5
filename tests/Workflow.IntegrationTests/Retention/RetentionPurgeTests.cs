using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflow.Application.Retention;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Records;
using Workflow.IntegrationTests.Reports;

namespace Workflow.IntegrationTests.Retention;

/// <summary>
/// Five years after a reporting period the supplier files and message bodies go, unless a legal hold keeps them; what
/// a filer must still show (hashes, evaluations, the audit trail, frozen filings) stays.
/// </summary>
public class RetentionPurgeTests
{
    private static async Task<(WorkflowApp App, ReportScenario Scenario, Guid Case, Guid Submission)> CampaignWithRecordsAsync(string name)
    {
        var app = new WorkflowApp();
        var scenario = await ReportScenario.StartAsync(app, name, "Alpha Parts");
        Assert.Equal("accepted", await scenario.SubmitAsync("Alpha Parts", scenario.Spec("Alpha Parts")));
        var caseId = (await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{scenario.Campaign}/cases"))
            .EnumerateArray().First().GetProperty("id").GetGuid();
        // The survey is sent by whichever dispatcher claims it first (the service's own loop, or this drain).
        for (var i = 0; i < 100 && (await app.MessagesAsync(caseId)).Count == 0; i++)
        {
            await app.DrainOutboxAsync();
            await Task.Delay(50);
        }
        Assert.NotEmpty(await app.MessagesAsync(caseId));
        var submission = (await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"))
            .GetProperty("submissions").EnumerateArray().First().GetProperty("id").GetGuid();
        return (app, scenario, caseId, submission);
    }

    private static async Task<(long Files, long Messages, long Purged)> CountsAsync(WorkflowApp app, Guid campaign)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select (select count(*) from workflow.submissions x join workflow.cases k on k.id = x.case_id where k.campaign_id = @c and length(x.content) > 0),
                   (select count(*) from workflow.message_records m join workflow.cases k on k.id = m.case_id where k.campaign_id = @c and length(m.raw) > 0),
                   (select count(*) from workflow.submissions x join workflow.cases k on k.id = x.case_id where k.campaign_id = @c and x.purged_at is not null)
            """, conn);
        cmd.Parameters.AddWithValue("c", campaign);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    [Fact]
    public async Task Purge_FiveYearsAfterThePeriod_RemovesFilesAndBodies_KeepsHashesAuditAndTheFrozenFiling()
    {
        var (app, scenario, caseId, submission) = await CampaignWithRecordsAsync("Retention 2026");
        using var _ = app;
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var auditor = app.ClientFor(WorkflowApp.AuditorKey);
        var filing = JsonDocument.Parse(await (await owner.PostAsJsonAsync($"/api/campaigns/{scenario.Campaign}/filings",
            new { asOf = "2027-01-15", reason = "Form SD filed" })).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var messageId = (await app.MessagesAsync(caseId)).First().GetProperty("id").GetInt64();
        var purge = app.Service<RetentionPurge>();

        // The period ended 2026-12-31: kept through 2031-12-31.
        app.Clock.SetUtcNow(new DateTimeOffset(2031, 12, 31, 12, 0, 0, TimeSpan.Zero));
        Assert.Empty(await purge.RunAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/cases/{caseId}/submissions/{submission}/file")).StatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(2032, 1, 1, 3, 30, 0, TimeSpan.Zero));
        var purged = Assert.Single(await purge.RunAsync(CancellationToken.None));

        Assert.Equal(1, purged.Files);
        Assert.True(purged.Messages >= 1);
        Assert.Equal((0L, 0L, 1L), await CountsAsync(app, scenario.Campaign));
        Assert.Equal(HttpStatusCode.Gone, (await auditor.GetAsync($"/api/cases/{caseId}/submissions/{submission}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await auditor.GetAsync($"/api/messages/{messageId}/raw")).StatusCode);
        // What a filer still shows: the case with its outcome and hash, the message list, the frozen filing intact.
        var caseJson = await auditor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("accepted", caseJson.GetProperty("submissions").EnumerateArray().First().GetProperty("outcome").GetString());
        Assert.NotEmpty(await app.MessagesAsync(caseId));
        Assert.True((await auditor.GetFromJsonAsync<JsonElement>($"/api/filings/{filing}/verify")).GetProperty("ok").GetBoolean());
        // Recorded, and a second run finds nothing left to do.
        Assert.Empty(await purge.RunAsync(CancellationToken.None));
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var audit = new NpgsqlCommand("select actor, detail->>'files' from workflow.campaign_audit where campaign_id = @c and action = 'records-purged'", conn);
        audit.Parameters.AddWithValue("c", scenario.Campaign);
        await using var r = await audit.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(("retention", "1"), (r.GetString(0), r.GetString(1)));
    }

    [Fact]
    public async Task LegalHold_KeepsEverything_UntilLifted_AndBothAreAudited()
    {
        var (app, scenario, _, _) = await CampaignWithRecordsAsync("Held 2026");
        using var _ = app;
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var purge = app.Service<RetentionPurge>();

        var refused = await app.ClientFor(WorkflowApp.AuditorKey).PutAsJsonAsync($"/api/campaigns/{scenario.Campaign}/legal-hold", new { onHold = true, reason = "x" });
        var noReason = await owner.PutAsJsonAsync($"/api/campaigns/{scenario.Campaign}/legal-hold", new { onHold = true });
        var placed = await owner.PutAsJsonAsync($"/api/campaigns/{scenario.Campaign}/legal-hold", new { onHold = true, reason = "SEC comment letter 2032-01" });
        app.Clock.SetUtcNow(new DateTimeOffset(2033, 6, 1, 3, 30, 0, TimeSpan.Zero));
        var whileHeld = await purge.RunAsync(CancellationToken.None);
        var countsHeld = await CountsAsync(app, scenario.Campaign);
        await owner.PutAsJsonAsync($"/api/campaigns/{scenario.Campaign}/legal-hold", new { onHold = false, reason = "Matter closed" });
        var afterLift = await purge.RunAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Empty(whileHeld);
        Assert.Equal(1L, countsHeld.Files);
        Assert.True(countsHeld.Messages >= 1);
        Assert.Single(afterLift);
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var audit = new NpgsqlCommand("select action, reason from workflow.campaign_audit where campaign_id = @c and action like 'legal-hold%' order by id", conn);
        audit.Parameters.AddWithValue("c", scenario.Campaign);
        var entries = new List<(string, string)>();
        await using (var r = await audit.ExecuteReaderAsync())
            while (await r.ReadAsync()) entries.Add((r.GetString(0), r.GetString(1)));
        Assert.Equal([("legal-hold-placed", "SEC comment letter 2032-01"), ("legal-hold-lifted", "Matter closed")], entries);
    }

    [Fact]
    public async Task PurgeFlag_OnlyLetsContentBeEmptied_NothingElseChanges()
    {
        var (app, _, _, submission) = await CampaignWithRecordsAsync("Flag 2026");
        using var _ = app;
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await new NpgsqlCommand("set local workflow.retention_purge = 'on'", conn, tx).ExecuteNonQueryAsync();
        var rewrite = new NpgsqlCommand("update workflow.submissions set outcome = 'invalid', content = ''::bytea, purged_at = now() where id = @s", conn, tx);
        rewrite.Parameters.AddWithValue("s", submission);

        Assert.Contains("cannot be changed", (await Assert.ThrowsAsync<PostgresException>(() => rewrite.ExecuteNonQueryAsync())).MessageText);
    }
}
