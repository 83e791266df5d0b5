using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Settings;

/// <summary>GET/PUT /api/settings: the shape, configuration's overrides, partial changes, who may change, the history.</summary>
public class SettingsApiTests
{
    [Fact]
    public async Task Get_ShowsEverySetting_AndWhichOnesConfigurationFixes()
    {
        using var app = new WorkflowApp(settings: new Dictionary<string, string?>
        {
            ["Company:Name"] = "Configured Motors",
            ["Notifications:ManagementRecipients:0"] = "vp@buyer.test",
        });
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        await Put(owner, new { company = new { address = "1 Test Road" } }, HttpStatusCode.OK);

        var s = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>("/api/settings");

        var company = s.GetProperty("company");
        Assert.Equal("Configured Motors", company.GetProperty("name").GetProperty("value").GetString());
        Assert.Equal("configuration", company.GetProperty("name").GetProperty("overriddenBy").GetString());
        Assert.Equal("1 Test Road", company.GetProperty("address").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, company.GetProperty("address").GetProperty("overriddenBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, company.GetProperty("authorizerPhone").GetProperty("value").ValueKind);
        Assert.False(company.GetProperty("logo").GetProperty("present").GetBoolean());
        Assert.Equal(["vp@buyer.test"], s.GetProperty("managementRecipients").GetProperty("value").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("configuration", s.GetProperty("managementRecipients").GetProperty("overriddenBy").GetString());
        Assert.Empty(s.GetProperty("procurementRecipients").GetProperty("value").EnumerateArray());
        Assert.Equal(14, s.GetProperty("supplierLinkGraceDays").GetProperty("value").GetInt32());

        // A field the operator's configuration fixes cannot be changed here: it would not take effect.
        var refused = await Put(owner, new { company = new { name = "Other name" } }, HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("company.name", out _));
    }

    [Fact]
    public async Task Put_ChangesOnlyTheFieldsGiven_NullClears_AndTheHistorySaysWho()
    {
        using var app = new WorkflowApp();
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        await Put(owner, new { company = new { address = "1 Test Road", contactName = "Casey" }, procurementRecipients = new[] { "purchasing@buyer.test" } }, HttpStatusCode.OK);
        await Put(owner, new { publicBaseUrl = "https://cmrt.buyer.test/", supplierLinkGraceDays = 30 }, HttpStatusCode.OK);
        var s = await Put(owner, new { company = new Dictionary<string, object?> { ["contactName"] = null } }, HttpStatusCode.OK);

        Assert.Equal("1 Test Road", s.GetProperty("company").GetProperty("address").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("company").GetProperty("contactName").GetProperty("value").ValueKind);
        Assert.Equal("purchasing@buyer.test", s.GetProperty("procurementRecipients").GetProperty("value")[0].GetString());
        Assert.Equal("https://cmrt.buyer.test", s.GetProperty("publicBaseUrl").GetProperty("value").GetString());
        Assert.Equal("https://cmrt.buyer.test", s.GetProperty("publicBaseUrl").GetProperty("effective").GetString());
        Assert.Equal(30, s.GetProperty("supplierLinkGraceDays").GetProperty("value").GetInt32());

        var history = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement[]>("/api/settings/history");
        var cleared = Assert.Single(history!, h => h.GetProperty("field").GetString() == "company.contactName" && h.GetProperty("newValue").ValueKind == JsonValueKind.Null);
        Assert.Equal("apikey:owner", cleared.GetProperty("actor").GetString());
        Assert.Equal("Casey", cleared.GetProperty("oldValue").GetString());
        Assert.Contains(history!, h => h.GetProperty("field").GetString() == "supplierLinkGraceDays" && h.GetProperty("newValue").GetString() == "30");
        // The history is append-only at the database.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => app.ExecuteAsync("update workflow.settings_history set actor = 'someone else'"));
    }

    [Fact]
    public async Task Put_ByManagerOrAuditor_Is403()
    {
        using var app = new WorkflowApp();
        foreach (var key in new[] { WorkflowApp.ManagerKey, WorkflowApp.AuditorKey })
        {
            var response = await app.ClientFor(key).PutAsJsonAsync("/api/settings", new { company = new { address = "x" } });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        var s = await app.ClientFor(WorkflowApp.ManagerKey).GetFromJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(JsonValueKind.Null, s.GetProperty("company").GetProperty("address").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Put_WithBadValues_Is400NamingEachFieldAndWhatWasExpected_AndStoresNothing()
    {
        using var app = new WorkflowApp();
        var owner = app.ClientFor(WorkflowApp.OwnerKey);
        var problem = await Put(owner, new
        {
            company = new { contactEmail = "casey at example", address = "kept out too" },
            managementRecipients = new[] { "vp@buyer.test", "not-an-address" },
            publicBaseUrl = "ftp://files.example.com",
            supplierLinkGraceDays = 400,
        }, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("e-mail address", errors.GetProperty("company.contactEmail")[0].GetString());
        Assert.Contains("not-an-address", errors.GetProperty("managementRecipients")[0].GetString());
        Assert.Contains("absolute http(s) URL", errors.GetProperty("publicBaseUrl")[0].GetString());
        Assert.Contains("0 to 365", errors.GetProperty("supplierLinkGraceDays")[0].GetString());
        var s = await owner.GetFromJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(JsonValueKind.Null, s.GetProperty("company").GetProperty("address").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task AChangeOnOneInstance_IsSeenByAnotherOnTheSameDatabase_AtOnce()
    {
        using var first = new WorkflowApp();
        using var second = new WorkflowApp(first.ConnectionString);
        Assert.Equal(JsonValueKind.Null, (await second.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>("/api/settings"))
            .GetProperty("company").GetProperty("name").GetProperty("value").ValueKind);

        await Put(first.ClientFor(WorkflowApp.OwnerKey), new { company = new { name = "Shared Motors" } }, HttpStatusCode.OK);

        var seen = await second.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>("/api/settings");
        Assert.Equal("Shared Motors", seen.GetProperty("company").GetProperty("name").GetProperty("value").GetString());
        Assert.Contains("Shared Motors", await second.CreateClient().GetStringAsync("/login"));
    }

    internal static async Task<JsonElement> Put(HttpClient owner, object body, HttpStatusCode expected)
    {
        var response = await owner.PutAsync("/api/settings", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
