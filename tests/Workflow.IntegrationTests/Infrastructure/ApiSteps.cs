using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>The steps a compliance owner takes through the API, shared by the tests.</summary>
public static class ApiSteps
{
    public static async Task<Guid> CreateCampaignAsync(this HttpClient owner, string name = "Calendar 2026")
    {
        var response = await owner.PostAsJsonAsync("/api/campaigns",
            new { name, periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ImportCsvAsync(this HttpClient owner, Guid campaign, string csv, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await owner.PostAsync($"/api/campaigns/{campaign}/suppliers", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement[]> LaunchAndListAsync(this HttpClient owner, Guid campaign)
    {
        var launch = await owner.PostAsync($"/api/campaigns/{campaign}/launch", null);
        Assert.Equal(HttpStatusCode.Accepted, launch.StatusCode);
        return await owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/cases") ?? [];
    }

    public static string SupplierCsv(int count, string prefix = "supplier")
    {
        var sb = new StringBuilder("name,email,country,spend,contactName\n");
        for (var i = 1; i <= count; i++) sb.Append($"\"{prefix} {i}, Ltd\",{prefix}{i}@example.com,Germany,{i * 10}.50,Contact {i}\n");
        return sb.ToString();
    }
}
