using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Email;

/// <summary>A Japanese supplier, end to end over real SMTP: the request, its page, the correction request with the findings.</summary>
public partial class SupplierLanguageMailTests
{
    [Fact]
    public async Task JapaneseSupplier_GetsTheSurveyInJapanese_WithAnIntactSubjectAndALink_AndTheFindingsInJapanese()
    {
        await using var sink = new SmtpSink().Start();
        var settings = new Dictionary<string, string?>();
        foreach (var (k, v) in sink.Settings()) settings[k] = v;
        using var app = new WorkflowApp(settings: settings);
        await app.LaunchAsync(1, "nihon", language: "ja");

        var survey = Assert.Single(await sink.WaitForAsync(m => m.Count >= 1));
        Assert.Equal("nihon1@supplier.test", survey.To.Mailboxes.Single().Address);
        Assert.StartsWith("紛争鉱物報告（CMRT）ご提出のお願い：", survey.Subject);
        Assert.Matches(@"^紛争鉱物報告（CMRT）ご提出のお願い：\S.* – \S+$", survey.Subject);
        // On the wire the subject is RFC 2047 words (7-bit), and it decodes back to the same Japanese text.
        var raw = Encoding.ASCII.GetString(Assert.Single(sink.RawOf(survey.MessageId!)));
        var subjectLine = Regex.Match(raw, @"^Subject:.*(\r\n[ \t].*)*", RegexOptions.Multiline).Value;
        Assert.Contains("=?utf-8?", subjectLine, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(survey.Subject, MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw))).Subject);
        Assert.Contains("Contact 1 様", survey.TextBody);
        Assert.Contains("年", survey.TextBody);

        var link = Regex.Match(survey.TextBody ?? "", @"http\S+/supplier/\S+").Value;
        Assert.NotEmpty(link);
        var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("<html lang=\"ja\">", page);
        Assert.Contains("CMRT のご提出をお待ちしています。", page);

        var file = new ByteArrayContent(TestWorkbooks.Invalid());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var result = await (await client.PostAsync(new Uri(link).PathAndQuery, new MultipartFormDataContent { { file, "file", "cmrt.xlsx" } }))
            .Content.ReadAsStringAsync();
        Assert.Contains("このファイルはまだ受け付けられません。", result);
        Assert.Contains("Declaration シート、セル D8", result);

        var correction = (await sink.WaitForAsync(m => m.Any(x => x.Headers["X-Workflow-Kind"] == "correction-request")))
            .Single(m => m.Headers["X-Workflow-Kind"] == "correction-request");
        Assert.StartsWith("CMRT（", correction.Subject);
        Assert.Contains("Declaration シート、セル D8: Declaration シートのセル D8 に貴社の正式名称を入力してください。", correction.TextBody);
        Assert.DoesNotContain("Enter your company's legal name", correction.TextBody);
    }
}
