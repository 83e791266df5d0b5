using System.Text;
using System.Text.Encodings.Web;
using Workflow.Api.Extensions;

namespace Workflow.Api.SupplierPortal;

/// <summary>The supplier's plain HTML pages: no script, labelled inputs, readable without styling.</summary>
public static class SupplierPage
{
    // Letters of every script stay as they are (the page is UTF-8); only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IResult Upload(SupplierCaseView c, string token, string? notice = null, int status = 200)
    {
        var t = c.Texts;
        return Page(status, t.Title(c.CampaignName), $"""
            <p>{E(t.Supplier)}: <strong>{E(c.SupplierName)}</strong><br>
            {E(t.Campaign)}: {E(c.CampaignName)}<br>
            {E(t.Reference)}: {E(c.Reference)}<br>
            {E(t.SendBy)}: {c.ResponseDueDate:yyyy-MM-dd}<br>
            {E(t.Status)}: {E(t.State(c.State))}</p>
            {notice}
            <form method="post" action="/supplier/{E(token)}" enctype="multipart/form-data">
              <p><label for="file">{E(t.FileLabel(c.MaxBytes / 1024 / 1024))}</label><br>
              <input id="file" name="file" type="file" accept=".xlsx,.xls,.xlsm" required></p>
              <p><button type="submit">{E(t.UploadButton)}</button></p>
            </form>
            """, t.Language);
    }

    public static string ChooseFile(SupplierTexts t) => Alert(t.ChooseFile);

    /// <summary>What the supplier must do before uploading again (choose a file, send a workbook), above the form.</summary>
    public static string Alert(string text) => $"<p role=\"alert\">{E(text)}</p>";

    public static string Result(SupplierTexts t, string outcome, IReadOnlyList<FindingView> findings)
    {
        var sb = new StringBuilder();
        sb.Append(outcome switch
        {
            "accepted" => $"<p role=\"status\">{t.Accepted}</p>",
            "red-flag" => $"<p role=\"status\">{t.Received}</p>",
            _ => $"<p role=\"alert\">{t.NotYetAccepted}</p>",
        });
        if (findings.Count > 0)
        {
            if (t.FindingsLanguageNote is not null) sb.Append($"<p>{E(t.FindingsLanguageNote)}</p>");
            sb.Append($"<table><caption>{E(t.FoundCaption)}</caption><thead><tr><th scope=\"col\">{E(t.SeverityHeader)}</th><th scope=\"col\">{E(t.WhereHeader)}</th><th scope=\"col\">{E(t.WhatHeader)}</th></tr></thead><tbody>");
            foreach (var f in findings.OrderBy(f => f.Severity == "error" ? 0 : 1))
                sb.Append($"<tr><td>{E(t.Severity(f.Severity))}</td><td>{E(f.Location)}</td><td>{E(f.Message)}</td></tr>");
            sb.Append("</tbody></table>");
        }
        return sb.ToString();
    }

    public static IResult Problem(int status, string title, string text, string language = "en") => Page(status, title, $"<p>{E(text)}</p>", language);

    private static IResult Page(int status, string title, string body, string language) => Results.Content($"""
        <!doctype html>
        <html lang="{E(language)}">
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
