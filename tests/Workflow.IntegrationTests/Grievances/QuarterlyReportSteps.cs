using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>Concerns handed in and handled through /api/concerns, for the report, mail and mailbox tests.</summary>
public static class QuarterlyReportSteps
{
    /// <summary>Tests drive the sweep, the dispatcher and the quarterly job themselves: no background run may race them.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = FollowUpSteps.Manual(more);
        settings["Grievance:SweepCron"] = "0 0 1 1 *";
        settings["Grievance:QuarterlyReportCron"] = "0 0 1 1 *";
        return settings;
    }

    public static async Task<(Guid Id, string Reference)> HandInAsync(this HttpClient client, object concern)
    {
        var response = await client.PostAsJsonAsync("/api/concerns", concern);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"intake: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!);
    }

    public static async Task MoveAsync(this HttpClient client, Guid id, string to, string reason)
    {
        var response = await client.PostAsJsonAsync($"/api/concerns/{id}/transitions", new { to, reason });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"move to {to}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task ReplyAsync(this HttpClient client, Guid id, string body)
    {
        var response = await client.PostAsJsonAsync($"/api/concerns/{id}/replies", new { body });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"reply: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
