using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Suppliers;

/// <summary>The supplier register a program keeps year after year: stable keys, audited updates, scope per campaign, waves, carry-over.</summary>
public class SupplierRegisterTests : IClassFixture<SupplierRegisterTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Notifications:ProcurementRecipients:0"] = "purchasing@example.com",
            ["Notifications:ManagementRecipients:0"] = "vp@example.com",
        });
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public SupplierRegisterTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<JsonElement> SupplierAsync(Guid id) => await _owner.GetFromJsonAsync<JsonElement>($"/api/suppliers/{id}");

    private async Task<JsonElement> FindAsync(string q) =>
        Assert.Single(await _owner.GetFromJsonAsync<JsonElement[]>($"/api/suppliers?q={Uri.EscapeDataString(q)}") ?? []);

    [Fact]
    public async Task ReImport_UpdatesChangedFields_WithAnAuditedChange_AndTheDryRunStoresNothing()
    {
        var campaign = await _owner.CreateCampaignAsync("reimport");
        await _owner.ImportCsvAsync(campaign, "code,name,email,country,spend\nV-100,Acme Metals,sales@acme.example,Germany,1000\n");
        var edited = "code,name,email,country,spend,contactEmails\nV-100,Acme Metals GmbH,compliance@acme.example,Germany,1500,ops@acme.example;cfo@acme.example\n";

        var dry = await _owner.PostAsync($"/api/campaigns/{campaign}/suppliers?dryRun=true", Csv(edited));
        var plan = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(["contactEmails", "email", "name", "spend"], plan.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("field").GetString()!).Order());
        Assert.Empty(plan.GetProperty("added").EnumerateArray());
        Assert.Equal("Acme Metals", (await FindAsync("V-100")).GetProperty("name").GetString());

        var real = await _owner.ImportCsvAsync(campaign, edited);

        Assert.Equal(0, real.GetProperty("imported").GetInt32());
        Assert.Equal(1, real.GetProperty("updated").GetInt32());
        var supplier = await SupplierAsync((await FindAsync("V-100")).GetProperty("id").GetGuid());
        Assert.Equal("compliance@acme.example", supplier.GetProperty("email").GetString());
        Assert.Equal(1500m, supplier.GetProperty("spend").GetDecimal());
        var email = Assert.Single(supplier.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "email");
        Assert.Equal("sales@acme.example", email.GetProperty("from").GetString());
        Assert.Equal("compliance@acme.example", email.GetProperty("to").GetString());
        Assert.Equal("apikey:owner", email.GetProperty("actor").GetString());
        Assert.StartsWith("import ", email.GetProperty("source").GetString());
        // Still one supplier: found again by its code although its e-mail changed.
        Assert.Single(await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/suppliers") ?? []);
    }

    [Fact]
    public async Task TwoSuppliersWithCodes_MayShareAMailbox_AndEveryBadRowIsReportedAtOnce()
    {
        var ok = await _owner.PostAsync("/api/suppliers", Csv("code,name,email,country\nSH-1,Shared One,office@shared.example,DE\nSH-2,Shared Two,office@shared.example,FR\n"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=shared.example"))!.Length);

        var bad = await _owner.PostAsync("/api/suppliers", Csv("code,name,email,country,spend,priority\nX-1,,not-an-email,Narnia,-5,0\nX-2,Fine,fine@x.example,DE,1,1\nX-3,Bad,b@x.example,DE,abc,1\n"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("row").GetInt32()}:{e.GetProperty("field").GetString()}").ToList();
        Assert.Equal(["2:country", "2:email", "2:name", "2:priority", "2:spend", "4:spend"], errors.Order());
        Assert.Empty(await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=x.example") ?? []);
    }

    [Fact]
    public async Task Xlsx_ImportsLikeCsv()
    {
        var workbook = TestSheets.Workbook("Suppliers", ["code", "name", "email", "country", "spend"], ["XL-1", "Sheet Metals", "xl@sheet.example", "Japan", "2500.5"]);
        using var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var response = await _owner.PostAsync("/api/suppliers", content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var supplier = await FindAsync("XL-1");
        Assert.Equal("Sheet Metals", supplier.GetProperty("name").GetString());
        Assert.Equal(2500.5m, supplier.GetProperty("spend").GetDecimal());
    }

    [Fact]
    public async Task Patch_EditsAndDeactivates_WithReason_AndAnInactiveSupplierIsNotLaunched()
    {
        var campaign = await _owner.CreateCampaignAsync("patch");
        await _owner.ImportCsvAsync(campaign, "code,name,email,country\nP-1,Patchable,p1@patch.example,DE\nP-2,Stays,p2@patch.example,DE\n");
        var id = (await FindAsync("P-1")).GetProperty("id").GetGuid();

        var noReason = await _owner.PatchAsJsonAsync($"/api/suppliers/{id}", new { status = "inactive" });
        var unknown = await _owner.PatchAsJsonAsync($"/api/suppliers/{id}", new { shoeSize = 42 });
        var patched = await _owner.PatchAsJsonAsync($"/api/suppliers/{id}", new { contactName = "Ms Jones", status = "inactive", statusReason = "no longer a supplier" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var supplier = await SupplierAsync(id);
        Assert.Equal("inactive", supplier.GetProperty("status").GetString());
        Assert.Equal("no longer a supplier", supplier.GetProperty("statusReason").GetString());
        var cases = await _owner.LaunchAndListAsync(campaign);
        Assert.Equal(["Stays"], cases.Select(c => c.GetProperty("supplierName").GetString()));

        // Reactivated, it is surveyed by launching again; nothing else is opened twice.
        Assert.Equal(HttpStatusCode.OK, (await _owner.PatchAsJsonAsync($"/api/suppliers/{id}", new { status = "active", statusReason = "back on the AVL" })).StatusCode);
        var again = await _owner.PostAsync($"/api/campaigns/{campaign}/launch", null);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("casesOpened").GetInt32());
    }

    [Fact]
    public async Task Merge_MovesContactsAndCases_AndIsAudited()
    {
        var campaign = await _owner.CreateCampaignAsync("merge");
        await _owner.ImportCsvAsync(campaign, "code,name,email,country\nM-1,Merge Target,target@merge.example,DE\n,Merge Source Ltd,source@merge.example,DE\n");
        await _owner.LaunchAndListAsync(campaign);
        var target = (await FindAsync("M-1")).GetProperty("id").GetGuid();
        var source = (await FindAsync("source@merge.example")).GetProperty("id").GetGuid();

        var merged = await _owner.PostAsJsonAsync($"/api/suppliers/{source}/merge", new { into = target, reason = "same company after acquisition" });

        Assert.Equal(HttpStatusCode.Conflict, merged.StatusCode); // both have a case in the campaign
        var other = await _owner.CreateCampaignAsync("merge-2");
        await _owner.ImportCsvAsync(other, "code,name,email,country\n,Second Source,second@merge.example,DE\n");
        var cases = await _owner.LaunchAndListAsync(other);
        var second = (await FindAsync("second@merge.example")).GetProperty("id").GetGuid();

        var ok = await _owner.PostAsJsonAsync($"/api/suppliers/{second}/merge", new { into = target, reason = "same company after acquisition" });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var detail = await SupplierAsync(target);
        Assert.Contains("second@merge.example", detail.GetProperty("contactEmails").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(detail.GetProperty("campaigns").EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == cases[0].GetProperty("id").GetGuid());
        Assert.Contains(detail.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "merged" && c.GetProperty("to").GetString()!.Contains("acquisition"));
        Assert.Equal(target, (await SupplierAsync(second)).GetProperty("mergedInto").GetGuid());
        Assert.Empty(await _owner.GetFromJsonAsync<JsonElement[]>("/api/suppliers?q=second@merge.example") ?? []);
    }

    [Fact]
    public async Task Waves_BySpend_TopNThenTopPercent_ThenTheRest()
    {
        var campaign = await _owner.CreateCampaignAsync("waves");
        // Spend 600, 200, 100, 60, 40: the top 80 % of 1,000 are the first two.
        await _owner.ImportCsvAsync(campaign, "code,name,email,country,spend\nW-1,Big,w1@w.example,DE,600\nW-2,Mid,w2@w.example,DE,200\nW-3,Small,w3@w.example,DE,100\nW-4,Tiny,w4@w.example,DE,60\nW-5,Least,w5@w.example,DE,40\n");

        async Task<int> Launch(object wave)
        {
            var response = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/launch", new { wave });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("casesOpened").GetInt32();
        }

        Assert.Equal(1, await Launch(new { by = "spend", top = 1 }));
        Assert.Equal(1, await Launch(new { by = "spend", topPercent = 80 }));
        Assert.Equal(0, await Launch(new { by = "spend", topPercent = 80 }));
        var names = (await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/cases"))!.Select(c => c.GetProperty("supplierName").GetString()).Order();
        Assert.Equal(["Big", "Mid"], names);
        Assert.Equal(HttpStatusCode.BadRequest, (await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/launch", new { wave = new { by = "colour" } })).StatusCode);
        var rest = await _owner.PostAsync($"/api/campaigns/{campaign}/launch", null);
        Assert.Equal(3, (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("casesOpened").GetInt32());
    }

    [Fact]
    public async Task ScheduledWave_GoesOutOnItsOwn()
    {
        var campaign = await _owner.CreateCampaignAsync("scheduled wave");
        await _owner.ImportCsvAsync(campaign, "code,name,email,country,priority\nSW-1,First,sw1@sw.example,DE,1\nSW-2,Second,sw2@sw.example,DE,2\n");

        // Hangfire schedules on the real clock: a wave two seconds ahead runs within the test.
        var response = await _owner.PostAsJsonAsync($"/api/campaigns/{campaign}/launch", new { wave = new { by = "priority", at = DateTimeOffset.UtcNow.AddSeconds(2) } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement[] cases = [];
        while (DateTime.UtcNow < deadline && cases.Length == 0)
        {
            await Task.Delay(500);
            cases = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{campaign}/cases") ?? [];
        }
        Assert.Equal(["First"], cases.Select(c => c.GetProperty("supplierName").GetString()));
    }

    [Fact]
    public async Task TwoYears_CarryOver_LeavesOutTheTerminated_TellsProcurement_LinksCases_AndKeepsScopePerCampaign()
    {
        var year1 = await _owner.CreateCampaignAsync("program 2025");
        await _owner.ImportCsvAsync(year1, "code,name,email,country,contactEmails\nY-1,Kept Metals,kept@y.example,DE,backup@y.example\nY-2,Dropped Tin,dropped@y.example,DE,\nY-3,Out Next Year,out@y.example,DE,\n");
        var cases = await _owner.LaunchAndListAsync(year1);
        var dropped = cases.Single(c => c.GetProperty("supplierName").GetString() == "Dropped Tin").GetProperty("id").GetGuid();
        var kept = cases.Single(c => c.GetProperty("supplierName").GetString() == "Kept Metals").GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestWorkbooks.RedFlag()), "file", "red.xlsx" } })
            Assert.Equal(HttpStatusCode.OK, (await _owner.PostAsync($"/api/cases/{dropped}/submissions", form)).StatusCode);
        var manager = _app.ClientFor(WorkflowApp.ManagerKey);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{dropped}/decisions", new { decision = "terminate", reason = "sources from a covered-country smelter" })).StatusCode);

        var droppedSupplier = await SupplierAsync((await FindAsync("Y-2")).GetProperty("id").GetGuid());
        Assert.Equal("terminated", droppedSupplier.GetProperty("status").GetString());
        Assert.Contains("sources from a covered-country smelter", droppedSupplier.GetProperty("statusReason").GetString());
        Assert.Equal("apikey:manager", droppedSupplier.GetProperty("statusChangedBy").GetString());
        await using (var conn = new NpgsqlConnection(_app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select count(*) from workflow.outbox where case_id = @c and kind = 'termination-approved'", conn);
            cmd.Parameters.AddWithValue("c", dropped);
            Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        }

        var create = await _owner.PostAsJsonAsync("/api/campaigns", new { name = "program 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31", responseDueDate = "2027-03-31", copyFrom = year1 });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        var year2 = created.GetProperty("id").GetGuid();
        Assert.Equal(2, created.GetProperty("suppliersCopied").GetInt32());
        Assert.Equal(1, created.GetProperty("suppliersLeftOut").GetInt32());
        var outNext = (await FindAsync("Y-3")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _owner.PutAsJsonAsync($"/api/campaigns/{year2}/suppliers/{outNext}/scope", new { inScope = false, reason = "no 3TG parts bought in 2026" })).StatusCode);
        // Adding the terminated supplier back by hand warns.
        var readd = await _owner.ImportCsvAsync(year2, "code,name,email,country\nY-2,Dropped Tin,dropped@y.example,DE\n");
        Assert.Contains(readd.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("terminated"));
        Assert.Equal(HttpStatusCode.OK, (await _owner.PutAsJsonAsync($"/api/campaigns/{year2}/suppliers/{droppedSupplier.GetProperty("id").GetGuid()}/scope", new { inScope = false, reason = "terminated last year" })).StatusCode);

        var year2Cases = await _owner.LaunchAndListAsync(year2);

        var only = Assert.Single(year2Cases);
        Assert.Equal("Kept Metals", only.GetProperty("supplierName").GetString());
        await using (var conn = new NpgsqlConnection(_app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select previous_case_id from workflow.cases where id = @c", conn);
            cmd.Parameters.AddWithValue("c", only.GetProperty("id").GetGuid());
            Assert.Equal(kept, await cmd.ExecuteScalarAsync());
        }
        var y3 = await SupplierAsync(outNext);
        var scopes = y3.GetProperty("campaigns").EnumerateArray().ToDictionary(c => c.GetProperty("campaignName").GetString()!, c => c.GetProperty("inScope").GetBoolean());
        Assert.True(scopes["program 2025"]);
        Assert.False(scopes["program 2026"]);
    }

    [Fact]
    public async Task EveryContact_IsAddressed_PrimaryToAndTheOthersCc()
    {
        var campaign = await _owner.CreateCampaignAsync("contacts");
        await _owner.ImportCsvAsync(campaign, "code,name,email,country,contactEmails\nC-1,Many Contacts,primary@c.example,DE,second@c.example;third@c.example\n");
        var caseId = (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();

        var raw = await WaitForSurveyAsync(caseId);

        Assert.Contains("To: ", raw);
        Assert.Matches("(?m)^To: .*primary@c.example", raw);
        Assert.Matches("(?ms)^Cc: .*second@c.example.*third@c.example", raw);
    }

    private async Task<string> WaitForSurveyAsync(Guid caseId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var messages = await _owner.GetFromJsonAsync<JsonElement[]>($"/api/cases/{caseId}/messages") ?? [];
            if (messages.FirstOrDefault(m => m.GetProperty("kind").GetString() == "survey") is { ValueKind: JsonValueKind.Object } survey)
                return await _owner.GetStringAsync($"/api/messages/{survey.GetProperty("id").GetInt64()}/raw");
            await Task.Delay(200);
        }
        throw new TimeoutException("The survey was not sent within 30 s.");
    }
}
