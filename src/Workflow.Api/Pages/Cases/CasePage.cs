using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Api.Extensions;
using Workflow.Api.Pages.Escalations;
using Workflow.Api.Pages.Html;
using Workflow.Api.Security;
using Workflow.Cmrt.Evaluation;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Pages;
using Workflow.Infrastructure.Submissions;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Cases;

/// <summary>/cases/{id}: the whole story of one supplier case, and the actions its reader's role allows.</summary>
public static class CasePage
{
    public static void MapCasePage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/cases/{id:guid}", async (Guid id, HttpContext http, CaseQueries cases, CaseRecordQuery records, CancellationToken ct) =>
            await RenderAsync(new PageView(http), id, cases, records, null, null, 200, ct));

        pages.MapPost("/cases/{id:guid}/decisions", async (Guid id, IFormCollection form, HttpContext http, CaseQueries cases,
            CaseRecordQuery records, CaseTransitions transitions, CancellationToken ct) =>
        {
            var (decision, error) = ManagerDecision.Parse(form["decision"], form["reason"], form["extendTo"]);
            int? version = int.TryParse(form["expectedVersion"], out var v) ? v : null;
            var outcome = decision is null ? null : await decision.ApplyAsync(transitions, id, version, http.ActorOf(), ct);
            var notice = outcome is { Succeeded: true }
                ? $"Decision recorded: {E(outcome.Message)}."
                : $"<span class=\"error\">Not recorded: {E(error ?? outcome!.Message)}</span>";
            return await RenderAsync(new PageView(http), id, cases, records, notice, null, outcome is { Succeeded: true } ? 200 : 409, ct);
        }).RequireAuthorization(Policies.Manager);

        pages.MapPost("/cases/{id:guid}/submissions", async (Guid id, IFormFile? file, HttpContext http, CaseQueries cases, CaseRecordQuery records,
            SubmissionService submissions, IOptions<UploadOptions> limits, CancellationToken ct) =>
        {
            var view = new PageView(http);
            if (file is null || file.Length == 0)
                return await RenderAsync(view, id, cases, records, "<span class=\"error\">Choose a CMRT file to upload.</span>", null, 400, ct);
            if (file.Length > limits.Value.MaxBytes)
                return await RenderAsync(view, id, cases, records,
                    $"<span class=\"error\">The file is larger than {limits.Value.MaxBytes / 1024 / 1024} MB; real CMRTs are under 3 MB.</span>", null, 413, ct);
            var content = new byte[file.Length];
            await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
            SubmissionResult result;
            try
            {
                result = await submissions.SubmitAsync(id, Path.GetFileName(file.FileName), file.ContentType, content, http.ActorOf(), SubmissionChannels.PageUpload, ct);
            }
            catch (NotAWorkbookException e)
            {
                return await RenderAsync(view, id, cases, records, $"<span class=\"error\">Not uploaded: {E(e.Message)}</span>", null, 400, ct);
            }
            return await RenderAsync(view, id, cases, records,
                $"Uploaded {E(Path.GetFileName(file.FileName))}: <strong>{E(result.Evaluation.Outcome.ToWire())}</strong>; the case is now {E(result.State)}.",
                result, 200, ct);
        }).RequireAuthorization(Policies.Owner);
    }

    private static async Task<IResult> RenderAsync(PageView view, Guid id, CaseQueries cases, CaseRecordQuery records, string? notice,
        SubmissionResult? justUploaded, int status, CancellationToken ct)
    {
        var detail = await cases.GetAsync(id, ct) ?? throw new NotFoundException("Case", id);
        var evaluations = (await records.EvaluationsAsync(id, ct)).ToDictionary(e => e.SubmissionId);
        var emails = await records.EmailsAsync(id, ct);
        var body = new StringBuilder($"""
            <h1>Case {E(detail.Reference)}: {E(detail.SupplierName)}</h1>
            <dl class="summary">
              <dt>State</dt><dd>{StateBadge(detail.State)} <small>({E(detail.Stage)}, version {detail.Version})</small></dd>
              <dt>Campaign</dt><dd><a href="/campaigns/{detail.CampaignId}">{E(detail.CampaignName)}</a></dd>
              <dt>Supplier</dt><dd>{E(detail.SupplierName)} · {E(detail.SupplierEmail)} · {E(detail.SupplierCountry ?? "country unknown")}</dd>
              <dt>Due</dt><dd>{Time(detail.DueAt)}</dd>
              <dt>Last outcome</dt><dd>{E(detail.LastOutcome ?? "no submission yet")}</dd>
              {(detail.EscalatedAt is null ? "" : $"<dt>Escalated</dt><dd>{Time(detail.EscalatedAt)}: {E(detail.EscalationReason)}</dd>")}
            </dl>
            <p><a href="/cases/{id}/export" download>Export the full record (ZIP)</a></p>
            """);
        if (detail.Notes.Count > 0)
            body.Append($"""
                <section aria-labelledby="case-notes" class="notes"><h2 id="case-notes">For a person to look at</h2><ul>
                {string.Concat(detail.Notes.Select(n => $"<li>{E(n.Text)} <small>(first {Time(n.FirstAt)}, last {Time(n.LastAt)}, {n.Occurrences} time{(n.Occurrences == 1 ? "" : "s")})</small></li>"))}
                </ul></section>
                """);

        if (justUploaded is not null)
            body.Append($"""
                <section aria-labelledby="upload-result"><h2 id="upload-result">Findings of this upload</h2>
                {FindingsTable(justUploaded.Evaluation.Findings.Select(f => new FindingLine(f.Code, f.Severity.ToString(), f.Location, f.Message, f.Rule, f.Because, f.Cid)).ToList(), "upload-findings")}
                </section>
                """);

        if (view.IsManager && detail.State == "Escalated") body.Append(DecisionForm(view, detail));
        if (view.IsOwner && detail.State != "Terminated") body.Append($"""
            <form method="post" action="/cases/{id}/submissions" enctype="multipart/form-data" class="stacked" id="upload">
              {view.Antiforgery()}
              <h2>Upload a CMRT on the supplier's behalf</h2>
              <label for="file">CMRT workbook (.xlsx or .xls)</label>
              <input id="file" name="file" type="file" required accept=".xlsx,.xls,.xlsm">
              <button type="submit">Upload and check</button>
            </form>
            """);

        var latest = detail.Submissions.LastOrDefault();
        var redFlags = latest is null || !evaluations.TryGetValue(latest.Id, out var le) ? [] : le.Findings.Where(f => f.Severity == "RedFlag").ToList();
        body.Append($"""
            <section aria-labelledby="red-flags"><h2 id="red-flags">Red flags</h2>
            {(redFlags.Count == 0 ? "<p>None in the latest submission.</p>" : "<ul class=\"flags\">" + string.Concat(redFlags.Select(f =>
                $"<li><strong>{E(f.Message)}</strong> <span class=\"because\">because {E(f.Because ?? f.Rule)}</span> <small>({E(f.Rule)}{(f.Cid is null ? "" : ", " + E(f.Cid))})</small></li>")) + "</ul>")}
            </section>
            """);

        body.Append("<section aria-labelledby=\"submissions\"><h2 id=\"submissions\">Submissions</h2>");
        if (detail.Submissions.Count == 0) body.Append("<p>No CMRT received yet.</p>");
        foreach (var s in detail.Submissions.Reverse())
        {
            var e = evaluations.GetValueOrDefault(s.Id);
            body.Append($"""
                <article class="submission">
                <h3>{Time(s.ReceivedAt)}: {E(s.FileName)} <span class="badge outcome-{E(s.Outcome)}">{E(s.Outcome)}</span></h3>
                <p>By {E(s.SubmittedBy)} via {E(s.Channel)} · {E(s.Template)} {E(s.TemplateVersion)} · {s.SizeBytes / 1024.0:0.#} KB ·
                   policy {E(e?.PolicyVersion ?? "—")} · reference list {E(e?.ReferenceListVersion ?? "—")} · determination {E(e?.Determination ?? "—")} ·
                   <a href="/api/cases/{id}/submissions/{s.Id}/file">Download the original file</a></p>
                {FindingsTable(e?.Findings ?? [], "findings-" + s.Id.ToString("N")[..8])}
                </article>
                """);
        }
        body.Append("</section>");

        body.Append("<section aria-labelledby=\"history\"><h2 id=\"history\">History</h2><ol class=\"timeline\">");
        foreach (var h in detail.History)
            body.Append($"""
                <li><span class="when">{Time(h.At)}</span> <strong>{E(h.Trigger)}</strong>: {E(h.FromState ?? "—")} → {E(h.ToState)}
                <small>({E(h.FromStage ?? "—")} → {E(h.ToStage)})</small> by {E(h.Actor)}<br><span class="because">{E(h.Reason)}</span>
                {(h.Rule is null ? "" : $"<small>rule {E(h.Rule)}, policy {E(h.PolicyVersion)}</small>")}</li>
                """);
        body.Append("</ol></section>");

        body.Append($"""
            <section aria-labelledby="emails"><h2 id="emails">E-mails sent</h2>
            {(emails.Count == 0 ? "<p>None recorded.</p>" : "<table><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Occurrence</th><th scope=\"col\">Status</th><th scope=\"col\">Queued</th><th scope=\"col\">Sent</th><th scope=\"col\">Attempts</th></tr></thead><tbody>"
                + string.Concat(emails.Select(m => $"<tr><td>{E(m.Kind)}</td><td>{E(m.Occurrence)}</td><td>{E(m.Status)}{(m.LastError is null ? "" : $" <small>{E(m.LastError)}</small>")}</td><td>{Time(m.CreatedAt)}</td><td>{Time(m.SentAt)}</td><td class=\"num\">{m.Attempts}</td></tr>"))
                + "</tbody></table>")}
            </section>
            """);
        return view.Render($"Case {detail.Reference}", body.ToString(), status, notice);
    }

    private static string DecisionForm(PageView view, CaseDetail detail) => $"""
        <form method="post" action="/cases/{detail.Id}/decisions" class="stacked" id="decide">
          {view.Antiforgery()}
          <h2>Decide this escalation</h2>
          <input type="hidden" name="expectedVersion" value="{detail.Version}">
          <label for="decision">Decision</label>
          <select id="decision" name="decision" required>
            <option value="">Choose…</option>
            <option value="extend">Extend to a date</option>
            <option value="accept-risk">Accept the risk</option>
            <option value="terminate">Approve termination</option>
          </select>
          <label for="extendTo">Extend to (for extensions)</label>
          <input id="extendTo" name="extendTo" type="date">
          <label for="reason">Reason (goes into the audit trail)</label>
          <input id="reason" name="reason" type="text" required maxlength="2000">
          <button type="submit">Record decision</button>
        </form>
        """;

    public static string FindingsTable(IReadOnlyList<FindingLine> findings, string id) => findings.Count == 0
        ? "<p>No findings.</p>"
        : $"""
          <table id="{E(id)}" class="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Where</th>
          <th scope="col">What</th><th scope="col">Because</th></tr></thead><tbody>
          {string.Concat(findings.OrderByDescending(f => f.Severity == "RedFlag").ThenByDescending(f => f.Severity == "Error").Select(f =>
              $"<tr><td>{Severity(f.Severity)}</td><td><code>{E(f.Code)}</code></td><td>{E(f.Location)}</td><td>{E(f.Message)}</td><td>{E(f.Because ?? f.Rule)}</td></tr>"))}
          </tbody></table>
          """;
}
