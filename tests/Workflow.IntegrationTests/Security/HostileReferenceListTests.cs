using Workflow.Tests.Shared;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Cmrt.Tests.Support;
using Workflow.Cmrt.Writing;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// Reference lists are uploaded by compliance owners, but the files come from outside (RMI, a consultant, an e-mail):
/// hostile ones get the CMRT reader's limits and a 400 with its message, and no list is imported.
/// </summary>
public class HostileReferenceListTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private const string Bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" +
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";

    public static TheoryData<string, string> Files() => new()
    {
        { "zip bomb", "zip bomb" },
        { "truncated zip", "zip structure is corrupt" },
        { "billion laughs", "document type definition" },
        { "a million CSV rows", "more than 100,000 rows" },
        { "150,000 sheet rows", "rows" },
        { "wrong password", "password" },
    };

    private static byte[] Make(string what)
    {
        switch (what)
        {
            case "zip bomb":
                return new SyntheticWorkbook().RawSheet("Smelters", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                    new string(' ', 64 * 1024 * 1024) + "</sheetData></worksheet>").ToBytes(CompressionLevel.SmallestSize);
            case "truncated zip":
                var whole = new SyntheticWorkbook().Sheet("Smelters", SyntheticWorkbook.InlineCell("A1", "Smelter ID")).ToBytes();
                return whole[..(whole.Length / 2)];
            case "billion laughs":
                return new SyntheticWorkbook().RawSheet("Smelters", Bomb).ToBytes();
            case "a million CSV rows":
                var csv = new StringBuilder("Smelter ID,Metal\n");
                for (var i = 0; i < 1_000_000; i++) csv.Append("CID000001,Gold\n");
                return Encoding.UTF8.GetBytes(csv.ToString());
            case "150,000 sheet rows":
                var writer = new XlsxWriter();
                var sheet = writer.Sheet("Smelters").Set("A1", "Smelter ID").Set("B1", "Metal");
                for (var r = 2; r <= 150_000; r++) sheet.Set(r, 1, "CID000001");
                return writer.ToBytes();
            default:
                return EncryptedWorkbook.From(TestWorkbooks.Accepted(), password: "a real password");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Import_OfAHostileFile_Is400WithTheReadersMessage_AndImportsNothing(string what, string expected)
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        var before = (await owner.GetStringAsync("/api/reference-lists")).Length;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Make(what)), "file", what.Contains("CSV") ? "list.csv" : "list.xlsx" },
            { new StringContent($"hostile {what}"), "version" },
        };

        var clock = Stopwatch.StartNew();
        var response = await owner.PostAsync("/api/reference-lists", form);
        clock.Stop();

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Contains(expected, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/tmp/", body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{what} took {clock.Elapsed}");
        Assert.Equal(before, (await owner.GetStringAsync("/api/reference-lists")).Length);
    }
}
