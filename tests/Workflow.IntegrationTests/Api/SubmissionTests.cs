using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Api;

public class SubmissionTests : IClassFixture<SubmissionTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public SubmissionTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    private async Task<Guid> OneCaseAsync(string prefix)
    {
        var campaign = await _owner.CreateCampaignAsync(prefix);
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, prefix));
        return (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> UploadAsync(Guid caseId, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await _owner.PostAsync($"/api/cases/{caseId}/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [RealFilesTheory]
    [InlineData("3.01", "green.xlsx", "accepted", "Responded")]
    [InlineData("3.01", "high_risk.xlsx", "red-flag", "Escalated")]
    [InlineData("3.01", "validation_needed.xlsx", "invalid", "Invalid")]
    [InlineData("2.03a", "green.xlsx", "accepted", "Responded")]
    [InlineData("2.03a", "high_risk.xlsx", "red-flag", "Escalated")]
    public async Task Upload_RealSample_MovesCaseByOutcome(string version, string file, string outcome, string state)
    {
        var caseId = await OneCaseAsync($"s{version}{file}".Replace(".", ""));

        var result = await UploadAsync(caseId, File.ReadAllBytes(SharedData.Path("cmrt", "ddm", version, file)), file);

        Assert.Equal(outcome, result.GetProperty("outcome").GetString());
        Assert.Equal(state, result.GetProperty("state").GetString());
        if (outcome != "accepted") Assert.NotEmpty(result.GetProperty("findings").EnumerateArray());
    }

    [Theory]
    [InlineData("2.03a", "accepted", "Responded")]
    [InlineData("3.01", "red-flag", "Escalated")]
    [InlineData("6.5", "invalid", "Invalid")]
    [InlineData("6.5", "accepted", "Responded")]
    public async Task Upload_GeneratedDeclaration_MovesCaseByOutcome(string version, string outcome, string state)
    {
        var caseId = await OneCaseAsync($"g{version}{outcome}".Replace(".", "").Replace("-", ""));
        var file = outcome switch { "accepted" => TestWorkbooks.Accepted(version), "red-flag" => TestWorkbooks.RedFlag(version), _ => TestWorkbooks.Invalid(version) };

        var result = await UploadAsync(caseId, file, $"CMRT {version}.xlsx");

        Assert.Equal(outcome, result.GetProperty("outcome").GetString());
        Assert.Equal(state, result.GetProperty("state").GetString());
        if (outcome != "accepted") Assert.NotEmpty(result.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task InvalidThenCorrected_CaseEndsCorrected_FilesStoredAsReceived()
    {
        var caseId = await OneCaseAsync("corr");
        var invalid = TestWorkbooks.Invalid();
        var valid = TestWorkbooks.Accepted();

        await UploadAsync(caseId, invalid, "first try.xlsx");
        var second = await UploadAsync(caseId, valid, "fixed.xlsx");

        Assert.Equal("Corrected", second.GetProperty("state").GetString());
        var detail = await _owner.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(["Launched", "RejectedAsInvalid", "Corrected"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()));
        var submissions = detail.GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal(2, submissions.Count);
        var download = await _owner.GetByteArrayAsync($"/api/cases/{caseId}/submissions/{submissions[0].GetProperty("id").GetGuid()}/file");
        Assert.Equal(invalid, download);
    }

    [Theory]
    [InlineData("photo.xls", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0 }, "an image")]
    [InlineData("report.xlsx", new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7', 10 }, "a PDF document")]
    public async Task Upload_NotAWorkbook_Is400WithWhatItIs_NothingRecordedAndNoMail(string fileName, byte[] content, string what)
    {
        var caseId = await OneCaseAsync($"notwb{what.Length}");
        var mailBefore = await _app.OutboxKindsAsync(caseId);
        var before = await _app.CaseAsync(caseId);

        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await _owner.PostAsync($"/api/cases/{caseId}/submissions", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"is {what}, not an Excel workbook", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.CaseAsync(caseId));
        Assert.Equal(0, await _app.ScalarAsync($"select count(*) from workflow.submissions where case_id = '{caseId}'"));
        Assert.Equal(mailBefore, await _app.OutboxKindsAsync(caseId));
    }

    [Fact]
    public async Task Upload_WorkbookThatIsNotACmrt_IsRecordedAsInvalidWithItsFinding()
    {
        var caseId = await OneCaseAsync("notcmrt");
        var result = await UploadAsync(caseId, TestWorkbooks.NotACmrt(), "suppliers.xlsx");

        Assert.Equal("unreadable", result.GetProperty("outcome").GetString());
        Assert.Equal("Invalid", result.GetProperty("state").GetString());
        Assert.Contains("no 'Declaration' sheet", result.GetProperty("findings")[0].GetProperty("message").GetString());
        Assert.Contains("correction-request", await _app.OutboxKindsAsync(caseId));
    }
}
