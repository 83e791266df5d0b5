using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Writing;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.IntegrationTests.Pages;

/// <summary>
/// The case page shows what the supplier declared, with the RMI reference status of each smelter and each finding
/// once beside what it is about; the compare page shows what changed between two submissions.
/// </summary>
public partial class DeclaredContentPageTests : IClassFixture<DeclaredContentPageTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });

        public async Task InitializeAsync()
        {
            // The generated declarations' smelters are conformant on this list.
            var csv = System.Text.Encoding.UTF8.GetBytes(GeneratedDeclarations.ListCsv());
            using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "smelters.csv" }, { new StringContent("RMI test list"), "version" } };
            Assert.Equal(HttpStatusCode.Created, (await Workflow.ClientFor(WorkflowApp.OwnerKey).PostAsync("/api/reference-lists", form)).StatusCode);
        }

        public Task DisposeAsync() { Workflow.Dispose(); return Task.CompletedTask; }
    }

    private const string HostileName = "<script>alert(1)</script> =HYPERLINK(\"http://evil.example\",\"click\")";
    private readonly WorkflowApp _app;
    private readonly HttpClient _owner;

    public DeclaredContentPageTests(App app)
    {
        _app = app.Workflow;
        _owner = _app.ClientFor(WorkflowApp.OwnerKey);
    }

    /// <summary>Covered-country tin (a red flag on Q3), a malformed contact e-mail (an error), an unlisted smelter and a product.</summary>
    private static CmrtWorkbookSpec Troubled()
    {
        var spec = GeneratedDeclarations.CoveredCountryTin("6.5");
        return spec with
        {
            CompanyName = HostileName,
            ContactEmail = "jane at generated",
            Smelters = [.. spec.Smelters, new SmelterLine("Tin", "Smelter not listed", "Unlisted Tin Works", "Bolivia", null)],
            Products = [new ProductLine("SP-100", "Widget <b>bold</b>", "=1+1")],
        };
    }

    [Fact]
    public async Task CasePage_ShowsTheDeclaredContent_WithReferenceStatus_AndEachFindingOnceBesideItsRow()
    {
        var caseId = await NewCaseAsync("declared");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);

        var afterUpload = await UploadThroughPageAsync(owner, caseId, Troubled(), "troubled.xlsx");
        var page = await owner.GetHtmlAsync($"/cases/{caseId}");

        foreach (var html in new[] { afterUpload, page })
        {
            Assert.Contains("What the supplier declared", html);
            // Hostile text is shown as text: no script element, the formula not evaluated.
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)", html);
            Assert.DoesNotContain("<b>bold</b>", html);

            Assert.Contains("RMAP conformant", Row(html, "declared-smelter-", "CID000102"));
            var unlisted = Row(html, "declared-smelter-", "Unlisted Tin Works");
            Assert.Contains("not in the reference list", unlisted);
            Assert.Contains("Bolivia", unlisted);
            var product = Row(html, "declared-product-", "SP-100");
            Assert.Contains("Widget &lt;b&gt;bold&lt;/b&gt;", product);
            Assert.Contains("=1&#x2B;1", product);

            // The red flag sits in the covered-country row, in the tin column; the e-mail error beside the contact.
            var covered = RowById(html, "declared-q-covered");
            Assert.Contains("red flag", covered);
            Assert.Contains("<strong>tin:</strong>", covered);
            Assert.Contains("badge error", RowById(html, "declared-company-contact"));

            // The audit trail quotes a finding in the reason for a move; that is the history, not a repeat of the findings.
            var shown = html[..html.IndexOf("aria-labelledby=\"history\"", StringComparison.Ordinal)];
            var findings = await FindingMessagesAsync(caseId);
            Assert.Contains(findings, f => f.Severity == "RedFlag");
            foreach (var group in findings.GroupBy(f => f.Message))
                Assert.True(Occurrences(shown, HtmlEncoder.Default.Encode(group.Key)) == group.Count(),
                    $"'{group.Key}' should be on the page {group.Count()} time(s), found {Occurrences(shown, HtmlEncoder.Default.Encode(group.Key))}");
        }
        Assert.DoesNotContain("Findings of this upload", afterUpload);
    }

    [Fact]
    public async Task ComparePage_HighlightsAChangedAnswer_AndAnAddedSmelter()
    {
        var caseId = await NewCaseAsync("compare");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        await UploadThroughPageAsync(owner, caseId, GeneratedDeclarations.Complete("6.5"), "first.xlsx");
        var second = Troubled() with { CompanyName = "Generated Components 6.5 Ltd", ContactEmail = "jane.doe@generated.example" };
        await UploadThroughPageAsync(owner, caseId, second, "second.xlsx");

        var casePage = await owner.GetHtmlAsync($"/cases/{caseId}");
        Assert.Contains($"href=\"/cases/{caseId}/compare\"", casePage);
        var html = await owner.GetHtmlAsync($"/cases/{caseId}/compare");

        Assert.Contains("first.xlsx", html);
        Assert.Contains("second.xlsx", html);
        Assert.Matches(@"<td class=""changed-cell""><span class=""change-marker"">changed</span> <del>No</del> → <ins>Yes</ins></td>", html);
        var added = Row(html, "", "Unlisted Tin Works", tag: "tr class=\"change-added\"");
        Assert.Contains(">added<", added);
        Assert.Contains("not in the reference list", added);
        Assert.Contains("1 added, 0 removed", html);
        Assert.Contains("New in the later submission", html);
        Assert.Contains("<strong>new:</strong>", html);
        // The unchanged company name is not marked as a change.
        Assert.DoesNotMatch(@"<tr class=""changed""><th scope=""row"">Company name", html);
    }

    [Fact]
    public async Task CasePage_SaysSoPlainly_WhenTheDeclarationWasDeletedUnderRetention()
    {
        var caseId = await NewCaseAsync("purged");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        await UploadThroughPageAsync(owner, caseId, GeneratedDeclarations.Complete("6.5"), "kept.xlsx");
        await using (var conn = new Npgsql.NpgsqlConnection(_app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("""
                set local workflow.retention_purge = 'on';
                update workflow.submission_declarations set declaration = ''::bytea, purged_at = '2033-02-01T00:00:00Z' where case_id = @c;
                update workflow.submissions set content = ''::bytea, purged_at = '2033-02-01T00:00:00Z' where case_id = @c;
                """, conn, tx);
            cmd.Parameters.AddWithValue("c", caseId);
            await cmd.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }

        var html = await owner.GetHtmlAsync($"/cases/{caseId}");

        Assert.Contains("deleted under the retention policy on 2033-02-01", html);
        Assert.DoesNotContain("Generated Components 6.5 Ltd", html);
    }

    [Fact]
    public async Task CasePage_PutsALongSmelterListInDetails_WithCountsPerMetal()
    {
        var caseId = await NewCaseAsync("long");
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var spec = GeneratedDeclarations.Complete("6.5");
        var many = Enumerable.Range(1, 40).Select(i => new SmelterLine("Gold", "Gamma Gold Refinery AG", "Gamma Gold Refinery AG", "Switzerland", "CID000103"));
        await UploadThroughPageAsync(owner, caseId, spec with { Smelters = [.. spec.Smelters, .. many] }, "long.xlsx");

        var html = await owner.GetHtmlAsync($"/cases/{caseId}");

        Assert.Contains("<strong>Gold</strong>: 41 smelters (41 RMAP conformant)", html);
        Assert.Contains("<details class=\"long-list\"><summary>", html);
    }

    private async Task<Guid> NewCaseAsync(string name)
    {
        var campaign = await _owner.CreateCampaignAsync(name);
        await _owner.ImportCsvAsync(campaign, ApiSteps.SupplierCsv(1, name));
        return (await _owner.LaunchAndListAsync(campaign))[0].GetProperty("id").GetGuid();
    }

    private static async Task<string> UploadThroughPageAsync(PageClient owner, Guid caseId, CmrtWorkbookSpec spec, string fileName)
    {
        var form = await owner.GetHtmlAsync($"/cases/{caseId}");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(CmrtWorkbookWriter.Write(spec)), "file", fileName },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var response = await owner.Http.PostAsync($"/cases/{caseId}/submissions", content);
        // Post/Redirect/Get: the upload answers 303 to the case page, which shows the upload's outcome.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return await owner.GetHtmlAsync(response.Headers.Location!.OriginalString);
    }

    private async Task<List<(string Severity, string Message)>> FindingMessagesAsync(Guid caseId)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "select evaluation->'findings' from workflow.submissions where case_id = @c order by received_at desc limit 1", conn);
        cmd.Parameters.AddWithValue("c", caseId);
        using var doc = JsonDocument.Parse((string)(await cmd.ExecuteScalarAsync())!);
        return doc.RootElement.EnumerateArray().Select(f => (f.GetProperty("severity").GetString()!, f.GetProperty("message").GetString()!)).ToList();
    }

    private static int Occurrences(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;

    /// <summary>The table row whose id starts with <paramref name="idPrefix"/> and that contains <paramref name="text"/>.</summary>
    private static string Row(string html, string idPrefix, string text, string? tag = null)
    {
        var start = tag is null ? $"<tr id=\"{idPrefix}" : $"<{tag}";
        foreach (var row in html.Split("</tr>"))
        {
            var at = row.LastIndexOf(start, StringComparison.Ordinal);
            if (at >= 0 && row[at..].Contains(text, StringComparison.Ordinal)) return row[at..];
        }
        throw new Xunit.Sdk.XunitException($"No row {start}… with '{text}'.");
    }

    private static string RowById(string html, string id)
    {
        var at = html.IndexOf($"<tr id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row {id}");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
