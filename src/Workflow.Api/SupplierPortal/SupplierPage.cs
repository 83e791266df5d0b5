using System.Text;
using System.Text.Encodings.Web;
using Workflow.Api.Extensions;

namespace Workflow.Api.SupplierPortal;

/// <summary>The supplier's plain HTML pages: no script, labelled inputs, readable without styling.</summary>
public static class SupplierPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Upload(SupplierCaseView c, string token, string? notice = null) => Page(200, $"CMRT for {c.CampaignName}", $"""
        <p>Supplier: <strong>{E(c.SupplierName)}</strong><br>
        Campaign: {E(c.CampaignName)}<br>
        Case reference: {E(c.Reference)}<br>
        Please send by: {c.ResponseDueDate:yyyy-MM-dd}<br>
        Status: {E(c.State)}</p>
        {notice}
        <form method="post" action="/supplier/{E(token)}" enctype="multipart/form-data">
          <p><label for="file">Completed CMRT workbook (.xlsx or .xls, at most {c.MaxBytes / 1024 / 1024} MB)</label><br>
          <input id="file" name="file" type="file" accept=".xlsx,.xls,.xlsm" required></p>
          <p><button type="submit">Upload and check</button></p>
        </form>
        """);

    public static string Result(string outcome, IReadOnlyList<FindingView> findings)
    {
        var sb = new StringBuilder();
        sb.Append(outcome switch
        {
            "accepted" => "<p role=\"status\"><strong>Thank you: your CMRT was accepted.</strong></p>",
            "red-flag" => "<p role=\"status\"><strong>Thank you: your CMRT was received.</strong> Some smelters need a closer look; we will contact you.</p>",
            _ => "<p role=\"alert\"><strong>Your file could not be accepted yet.</strong> Please fix the points below and upload it again.</p>",
        });
        if (findings.Count > 0)
        {
            sb.Append("<table><caption>What we found</caption><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Where</th><th scope=\"col\">What to do</th></tr></thead><tbody>");
            foreach (var f in findings.OrderBy(f => f.Severity == "error" ? 0 : 1))
                sb.Append($"<tr><td>{E(f.Severity)}</td><td>{E(f.Location)}</td><td>{E(f.Message)}</td></tr>");
            sb.Append("</tbody></table>");
        }
        return sb.ToString();
    }

    public static IResult Problem(int status, string title, string text) => Page(status, title, $"<p>{E(text)}</p>");

    private static IResult Page(int status, string title, string body) => Results.Content($"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)}</title></head>
        <body>
        <main>
        <h1>{E(title)}</h1>
        {body}
        </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string E(string? s) => Html.Encode(s ?? "");
}
