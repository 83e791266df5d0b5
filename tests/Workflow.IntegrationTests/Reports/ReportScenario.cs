using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Cmrt.Writing;
using Workflow.Application.Reference;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Reports;

/// <summary>Builds a campaign through the API and submits generated workbooks to its cases.</summary>
public sealed class ReportScenario(WorkflowApp app, HttpClient owner, Guid campaign, IReadOnlyDictionary<string, Guid> cases)
{
    public Guid Campaign { get; } = campaign;
    public WorkflowApp App { get; } = app;

    public static async Task<ReportScenario> StartAsync(WorkflowApp app, string name, params string[] suppliers)
    {
        var references = app.Service<ReferenceListStore>();
        if ((await references.ListAsync(CancellationToken.None)).Count == 0)
            await references.ImportAsync(ReportWorkbooks.List(), "report tests", "test", CancellationToken.None);
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync(name);
        var csv = "name,email,country\n" + string.Concat(suppliers.Select(s => $"{s},{Email(name, s)},Germany\n"));
        await owner.ImportCsvAsync(campaign, csv);
        var list = await owner.LaunchAndListAsync(campaign);
        var cases = list.ToDictionary(c => c.GetProperty("supplierName").GetString()!, c => c.GetProperty("id").GetGuid());
        return new ReportScenario(app, owner, campaign, cases);
    }

    public static string Email(string campaign, string supplier) =>
        $"{new string(supplier.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray())}@{new string(campaign.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray())}.example";

    public CmrtWorkbookSpec Spec(string supplier) => ReportWorkbooks.Spec(supplier, Email("x", supplier));

    public async Task<string> SubmitAsync(string supplier, CmrtWorkbookSpec spec)
    {
        // Submissions are ordered by time; a minute between them keeps "latest" unambiguous under the fake clock.
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(CmrtWorkbookWriter.Write(spec)), "file", $"{supplier}.xlsx" } };
        var response = await owner.PostAsync($"/api/cases/{cases[supplier]}/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("outcome").GetString()!;
    }

    public async Task DecideAsync(string supplier, string decision)
    {
        var manager = App.ClientFor(WorkflowApp.ManagerKey);
        var response = await manager.PostAsJsonAsync($"/api/cases/{cases[supplier]}/decisions", new { decision, reason = "test decision" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> ReportAsync(string key = WorkflowApp.AuditorKey) =>
        await App.ClientFor(key).GetFromJsonAsync<JsonElement>($"/api/campaigns/{Campaign}/report");
}
