using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Grievances;

/// <summary>Reporting concerns as the public and the hotline do, for the grievance tests.</summary>
public static class ConcernSteps
{
    public static readonly string[] Officers = ["president@buyer.test", "cfo@buyer.test", "counsel@buyer.test", "audit-chair@buyer.test"];

    /// <summary>Officers set, mail by hand (no dispatcher, no recurring sweep racing the test's own).</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? smtp = null)
    {
        var settings = FollowUpSteps.Manual(smtp);
        for (var i = 0; i < Officers.Length; i++) settings[$"Grievance:Officers:{i}"] = Officers[i];
        settings["Grievance:SweepCron"] = "0 0 1 1 *";
        return settings;
    }

    public static byte[] Pdf { get; } = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>POST /concerns as the public form does (multipart, no sign-in), answered as JSON.</summary>
    public static async Task<HttpResponseMessage> ReportAsync(this WorkflowApp app, IDictionary<string, string> fields,
        params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "files", name);
        var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.PostAsync("/concerns", form);
    }

    public static async Task<(Guid Id, string Reference, string Link)> ReportAnonymouslyAsync(this WorkflowApp app, string description,
        string? smelter = null, params (string Name, byte[] Content)[] files)
    {
        var fields = new Dictionary<string, string> { ["description"] = description, ["metal"] = "gold", ["language"] = "es" };
        if (smelter is not null) fields["smelter"] = smelter;
        var response = await app.ReportAsync(fields, files);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetGuid(), json.GetProperty("reference").GetString()!, json.GetProperty("followUpLink").GetString()!);
    }

    /// <summary>The token of a follow-up link (its last path segment).</summary>
    public static string TokenOf(string link) => new Uri(link).Segments[^1];
}
