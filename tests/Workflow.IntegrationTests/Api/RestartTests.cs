using Workflow.StateMachines;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Api;

public class RestartTests
{
    [Fact]
    public async Task Restart_KeepsCasesAndHistory()
    {
        Guid caseId;
        string connection;
        using (var first = new WorkflowApp())
        {
            connection = first.ConnectionString;
            var owner = first.ClientFor(WorkflowApp.OwnerKey);
            var campaign = await owner.CreateCampaignAsync("restart");
            await owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(3, "restart"));
            caseId = (await owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
            await first.Service<CaseTransitions>().FireAsync(caseId, CaseIntention.TimerElapsed, new TransitionCause("system", "reminder due"));
        }

        using var second = new WorkflowApp(connection);
        var detail = await second.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

        Assert.Equal("Surveyed", detail.GetProperty("state").GetString());
        Assert.Equal("Reminded", detail.GetProperty("stage").GetString());
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_MigrateOnce()
    {
        var connection = TestCluster.NewDatabase();
        using var a = new WorkflowApp(connection);
        using var b = new WorkflowApp(connection);

        var starts = await Task.WhenAll(Task.Run(() => a.CreateClient().GetAsync("/healthz")), Task.Run(() => b.CreateClient().GetAsync("/healthz")));

        Assert.All(starts, r => Assert.True(r.IsSuccessStatusCode));
        await using var conn = new Npgsql.NpgsqlConnection(connection);
        await conn.OpenAsync();
        var count = (long)(await new Npgsql.NpgsqlCommand("select count(*) from workflow.schema_migrations", conn).ExecuteScalarAsync())!;
        Assert.Equal(Workflow.Infrastructure.Database.MigrationRunner.Scripts.Count, count);
    }
}
