extern alias cli;
using Workflow.Tests.Shared;
using System.Net;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;
using PolicyCommands = cli::Workflow.Cli.Policies.PolicyCommands;

namespace Workflow.IntegrationTests.Policies;

public class PolicyCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = PolicyCommands.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Simulate_DraftAgainstCampaignInServiceDatabase_ListsTheChangedCase()
    {
        using var app = new WorkflowApp();
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync("cli-sim");
        await owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, "clisim"));
        var caseId = (await owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.Accepted()), "file", "green.xlsx" } })
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/cases/{caseId}/submissions", form)).StatusCode);
        var draft = Path.Combine(app.PolicyFolder, "..", $"draft-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(draft, "version: cli-draft\nextends: default\nredFlags:\n  smelterNotOnReferenceList: escalate\n");

        var (exit, output, error) = Run("simulate", campaign.ToString(), "--draft", draft, "--json",
            $"--ConnectionStrings:Postgres={app.ConnectionString}", $"--Policies:Folder={app.PolicyFolder}");

        Assert.True(exit == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("cli-draft", report.GetProperty("draftPolicyVersion").GetString());
        Assert.Equal(caseId.ToString(), Assert.Single(report.GetProperty("changes").EnumerateArray()).GetProperty("caseId").GetString());
    }

    [Fact]
    public void Validate_InvalidFile_Exit2WithTheError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "version: x\nextends: nowhere\n");

        var (exit, _, error) = Run("validate", file);

        Assert.Equal(2, exit);
        Assert.Contains("nowhere", error);
    }
}
