using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Application.Email;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Records;

/// <summary>Sending the outbox and reading a case's stored messages back through the API, for the records tests.</summary>
public static class RecordSteps
{
    public static async Task<int> DrainOutboxAsync(this WorkflowApp app)
    {
        var dispatcher = app.Service<OutboxDispatcher>();
        int sent, total = 0;
        while ((sent = await dispatcher.DispatchOnceAsync(CancellationToken.None)) > 0) total += sent;
        return total;
    }

    public static async Task<List<JsonElement>> MessagesAsync(this WorkflowApp app, Guid caseId, string key = WorkflowApp.AuditorKey) =>
        (await app.ClientFor(key).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/messages")).EnumerateArray().ToList();

    public static string[] To(this JsonElement message) => message.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToArray();
}
