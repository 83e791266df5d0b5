using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;
using Workflow.IntegrationTests.Reports;

namespace Workflow.IntegrationTests.Filings;

/// <summary>
/// A compliance owner freezes the filing as of its "effort through" day; years later an auditor downloads exactly
/// what was filed, checks its seal, and sees what has changed since.
/// </summary>
public class FrozenFilingTests(ConstructedCampaign campaign) : IClassFixture<ConstructedCampaign>
{
    private HttpClient Owner => campaign.App.ClientFor(WorkflowApp.OwnerKey);
    private HttpClient Auditor => campaign.App.ClientFor(WorkflowApp.AuditorKey);
    private Guid Id => campaign.Scenario.Campaign;

    private async Task<(Guid Id, string Sha256)> FreezeAsync(string asOf, string reason = "Form SD filed")
    {
        var response = await Owner.PostAsJsonAsync($"/api/campaigns/{Id}/filings", new { asOf, reason });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"/api/filings/{json.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        return (json.GetProperty("id").GetGuid(), json.GetProperty("sha256").GetString()!);
    }

    [Fact]
    public async Task Freeze_AsOfMarch31_TheFiguresOfThatDaySealedAndListed()
    {
        var (filing, sha) = await FreezeAsync("2027-03-31", "Form SD for calendar 2026 filed");

        var report = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/filings/{filing}/report")).RootElement;
        var live = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/campaigns/{Id}/report?asOf=2027-03-31")).RootElement;
        var appendix = await Auditor.GetStringAsync($"/api/filings/{filing}/appendix-a.csv");
        var evaluations = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/filings/{filing}/evaluations")).RootElement;
        var list = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/campaigns/{Id}/filings")).RootElement;
        var verify = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/filings/{filing}/verify")).RootElement;

        Assert.Matches("^[0-9a-f]{64}$", sha);
        Assert.Equal(4, report.GetProperty("responses").GetProperty("responded").GetInt32());
        Assert.Equal(live.GetProperty("responses").GetRawText(), report.GetProperty("responses").GetRawText());
        Assert.Equal("2027-03-31", report.GetProperty("asOf").GetString());
        Assert.Equal(await Auditor.GetStringAsync($"/api/campaigns/{Id}/appendix-a.csv?asOf=2027-03-31"), appendix);
        // Five submissions had been received by then (Charlie and Delta twice/once invalid); Foxtrot's came in April.
        Assert.Equal(5, evaluations.GetArrayLength());
        Assert.All(evaluations.EnumerateArray(), e => Assert.Matches("^[0-9a-f]{64}$", e.GetProperty("fileSha256").GetString()!));
        Assert.DoesNotContain(evaluations.EnumerateArray(), e => e.GetProperty("supplier").GetString() == "Foxtrot Fasteners");
        var listed = Assert.Single(list.EnumerateArray(), f => f.GetProperty("id").GetGuid() == filing);
        Assert.Equal(("Form SD for calendar 2026 filed", sha), (listed.GetProperty("reason").GetString(), listed.GetProperty("sha256").GetString()));
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(sha, verify.GetProperty("computed").GetString());
    }

    [Fact]
    public async Task Frozen_LaterUploadLeavesItAsFiled_AndTheDiffShowsWhatChanged()
    {
        var (filing, sha) = await FreezeAsync("2027-04-05");
        var reportBefore = await Auditor.GetByteArrayAsync($"/api/filings/{filing}/report");

        // Echo Electronics answers after the filing.
        campaign.App.Clock.Advance(TimeSpan.FromDays(3));
        var spec = campaign.Scenario.Spec("Echo Electronics");
        Assert.Equal("accepted", await campaign.Scenario.SubmitAsync("Echo Electronics", spec));

        var reportAfter = await Auditor.GetByteArrayAsync($"/api/filings/{filing}/report");
        var verify = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/filings/{filing}/verify")).RootElement;
        var diff = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/filings/{filing}/diff")).RootElement;

        Assert.Equal(reportBefore, reportAfter);
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(sha, verify.GetProperty("sha256").GetString());
        var responded = Assert.Single(diff.GetProperty("figures").EnumerateArray(), f => f.GetProperty("figure").GetString() == "Suppliers responded");
        Assert.Equal(("5", "6"), (responded.GetProperty("frozen").GetString(), responded.GetProperty("live").GetString()));
        Assert.False(diff.GetProperty("unchanged").GetBoolean());
    }

    [Fact]
    public async Task FilingRows_CannotBeUpdatedOrDeleted()
    {
        var (filing, _) = await FreezeAsync("2027-03-31");
        await using var conn = new NpgsqlConnection(campaign.App.ConnectionString);
        await conn.OpenAsync();

        var update = new NpgsqlCommand("update workflow.filings set reason = 'rewritten' where id = @f", conn);
        update.Parameters.AddWithValue("f", filing);
        var delete = new NpgsqlCommand("delete from workflow.filings where id = @f", conn);
        delete.Parameters.AddWithValue("f", filing);

        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
    }

    [Fact]
    public async Task Freeze_WithoutReasonInTheFutureOrAsAuditor_Refused()
    {
        var noReason = await Owner.PostAsJsonAsync($"/api/campaigns/{Id}/filings", new { asOf = "2027-03-31", reason = " " });
        var future = await Owner.PostAsJsonAsync($"/api/campaigns/{Id}/filings", new { asOf = "2099-01-01", reason = "too early" });
        var auditor = await Auditor.PostAsJsonAsync($"/api/campaigns/{Id}/filings", new { asOf = "2027-03-31", reason = "not mine to freeze" });
        var missing = await Auditor.GetAsync($"/api/filings/{Guid.NewGuid()}/report");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("after today", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ReportPage_OwnerFreezesWithTheForm_FilingListedWithItsSeal_AuditorSeesNoForm()
    {
        var owner = await PageClient.SignedInAsync(campaign.App, Roles.ComplianceOwner);
        var auditor = await PageClient.SignedInAsync(campaign.App, Roles.Auditor);
        var page = $"/campaigns/{Id}/report?asOf=2027-03-31";

        var refused = await owner.PostFormAsync(page, $"/campaigns/{Id}/filings", new() { ["asOf"] = "2027-03-31", ["reason"] = "" });
        var frozen = await owner.PostFormAsync(page, $"/campaigns/{Id}/filings", new() { ["asOf"] = "2027-03-31", ["reason"] = "Board <b>approved</b> the CMR" });
        // Post/Redirect/Get: a reload of the page shows the outcome, it does not freeze again.
        var html = await owner.GetHtmlAsync(frozen.Headers.Location!.OriginalString);
        var auditorHtml = await auditor.GetHtmlAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Say why the filing is frozen", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, frozen.StatusCode);
        var filings = JsonDocument.Parse(await Auditor.GetStringAsync($"/api/campaigns/{Id}/filings")).RootElement;
        var filing = Assert.Single(filings.EnumerateArray(), f => f.GetProperty("reason").GetString() == "Board <b>approved</b> the CMR");
        var sha = filing.GetProperty("sha256").GetString()!;
        Assert.Contains($"SHA-256 {sha}", html);
        Assert.Contains("Board &lt;b&gt;approved&lt;/b&gt; the CMR", auditorHtml);
        Assert.Contains($"/api/filings/{filing.GetProperty("id").GetGuid()}/verify", auditorHtml);
        Assert.Contains("id=\"freeze-filing\"", html);
        Assert.DoesNotContain("id=\"freeze-filing\"", auditorHtml);
    }

    [Fact]
    public async Task ReportDraft_FromTheFrozenFiling_SeedStructureWithFrozenFiguresInWordAndHtml()
    {
        var (filing, sha) = await FreezeAsync("2027-03-31");
        // Foxtrot's late answer is already in the live figures; the draft must use the frozen ones.
        var docx = await Auditor.GetAsync($"/api/filings/{filing}/cmr.docx");
        var html = await Auditor.GetStringAsync($"/api/filings/{filing}/cmr");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        // A file Word opens without repairing: valid against the Office schema.
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Introduction and summary", "Company overview", "Reasonable country of origin inquiry (RCOI)", "Design of due diligence",
            "Due diligence results", "Risk mitigation", "Appendix A"], headings);
        var text = body.InnerText;
        Assert.Contains("for the reporting period from January 1, 2026 to December 31, 2026", text);
        Assert.Contains("responses received from 4 of 6 suppliers", text);
        Assert.Contains(sha, text);
        var table = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());
        var rows = table.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.InnerText).ToList();
        Assert.Contains(rows, r => r.Contains("Alpha Gold Refinery Co., Ltd.") && r.Contains("JAPAN"));
        Assert.DoesNotContain(rows, r => r.Contains("Delta Tin Rwanda"));
        Assert.Contains("<h2>Design of due diligence</h2>", html);
        Assert.Contains("responses received from 4 of 6 suppliers", html);
        Assert.Contains("class=\"to-write\"", html);
    }

    [Fact]
    public async Task ChangesPage_ShowsFrozenAgainstLiveFigures_ForAnyStaffRole()
    {
        var (filing, sha) = await FreezeAsync("2027-03-31");
        var auditor = await PageClient.SignedInAsync(campaign.App, Roles.Auditor);

        var html = await auditor.GetHtmlAsync($"/filings/{filing}/changes");
        var anonymous = await PageClient.Anonymous(campaign.App).Http.GetAsync($"/filings/{filing}/changes");

        Assert.Contains("Changes since the filing of 31 March 2027", html);
        Assert.Contains(sha, html);
        // Foxtrot answered after March 31: the frozen filing says 4 responded, the live figures 5 or more.
        Assert.Matches(@"<td>Responses</td><td>Suppliers responded</td><td>4</td><td>[5-9]</td>", html);
        Assert.Contains("Delta Tin Rwanda", html[html.IndexOf("named since the filing", StringComparison.Ordinal)..]);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task ReportPage_OwnerPlacesAndLiftsALegalHold_WithAReason()
    {
        var owner = await PageClient.SignedInAsync(campaign.App, Roles.ComplianceOwner);
        var page = $"/campaigns/{Id}/report";

        var noReason = await owner.PostFormAsync(page, $"/campaigns/{Id}/legal-hold", new() { ["onHold"] = "true", ["reason"] = " " });
        var placed = await owner.PostFormAsync(page, $"/campaigns/{Id}/legal-hold", new() { ["onHold"] = "true", ["reason"] = "Litigation hold 2032-7" });
        var placedHtml = await owner.GetHtmlAsync(placed.Headers.Location!.OriginalString);
        var held = await Auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Id}/legal-hold");
        var lifted = await owner.PostFormAsync(page, $"/campaigns/{Id}/legal-hold", new() { ["onHold"] = "false", ["reason"] = "Matter closed" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        Assert.Contains("Legal hold: on.", placedHtml);
        Assert.Contains("Lift the legal hold", placedHtml);
        Assert.True(held.GetProperty("onHold").GetBoolean());
        Assert.Contains("Legal hold: off.", await owner.GetHtmlAsync(lifted.Headers.Location!.OriginalString));
        Assert.False((await Auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Id}/legal-hold")).GetProperty("onHold").GetBoolean());
    }
}
