using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Filings;

namespace Workflow.Api.Filings;

/// <summary>Frozen filings: freeze a campaign's report as of a day, then read, verify and compare it for years.</summary>
public static class FilingsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvType = "text/csv; charset=utf-8";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public sealed record FreezeRequest(DateOnly? AsOf, string? Reason);

    public static IServiceCollection AddWorkflowFilings(this IServiceCollection services) => services.AddSingleton<FilingService>();

    public static void MapFilings(this IEndpointRouteBuilder app)
    {
        var campaign = app.MapGroup("/api/campaigns/{id:guid}/filings").WithTags("Filings");

        campaign.MapPost("", async (Guid id, FreezeRequest request, FilingService filings, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var errors = FreezeRequestRules.Validate(request.AsOf, request.Reason, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var filing = await filings.FreezeAsync(id, request.AsOf!.Value, request.Reason!.Trim(), http.ActorOf(), ct);
            return Results.Created($"/api/filings/{filing.Id}", filing);
        }).RequireAuthorization(AccessPolicies.Owner);

        campaign.MapGet("", async (Guid id, FilingService filings, CancellationToken ct) => await filings.ListAsync(id, ct))
            .RequireAuthorization(AccessPolicies.Read);

        var filing = app.MapGroup("/api/filings/{filingId:guid}").RequireAuthorization(AccessPolicies.Read).WithTags("Filings");

        filing.MapGet("", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.GetAsync(filingId, ct) is { } f ? Results.Ok(f) : NotFound(filingId));

        filing.MapGet("/report", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.PartsAsync(filingId, ct) is { } p ? Results.File(p.ReportJson, "application/json") : NotFound(filingId));

        filing.MapGet("/appendix-a.csv", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.PartsAsync(filingId, ct) is { } p ? Results.File(p.AppendixACsv, CsvType, $"appendix-a-filing-{filingId}.csv") : NotFound(filingId));

        filing.MapGet("/unrecognised-smelters.csv", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.PartsAsync(filingId, ct) is { } p ? Results.File(p.UnrecognisedCsv, CsvType, $"unrecognised-smelters-filing-{filingId}.csv") : NotFound(filingId));

        filing.MapGet("/evaluations", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.PartsAsync(filingId, ct) is { } p ? Results.File(p.EvaluationsJson, "application/json") : NotFound(filingId));

        filing.MapGet("/rollup-cmrt.xlsx", async (Guid filingId, FilingService filings, CancellationToken ct) =>
        {
            if (await filings.LoadAsync(filingId, ct) is not ({ } f, { } p)) return NotFound(filingId);
            return p.RollupCmrt is { } content
                ? Results.File(content, Xlsx, $"rollup-cmrt-filing-{filingId}.xlsx")
                : Results.Problem(statusCode: 404, title: "No roll-up CMRT in this filing", detail: f.RollupMissingReason);
        });

        filing.MapGet("/cmr.docx", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.DraftAsync(filingId, ct) is { } draft
                ? Results.File(CmrDocx.Write(draft), Docx, $"conflict-minerals-report-draft-{filingId}.docx")
                : NotFound(filingId));

        filing.MapGet("/cmr", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.DraftAsync(filingId, ct) is { } draft ? PageResult.Of<CmrDraftView, CmrDraft>(draft) : NotFound(filingId));

        filing.MapGet("/verify", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.VerifyAsync(filingId, ct) is { } v ? Results.Ok(v) : NotFound(filingId));

        filing.MapGet("/diff", async (Guid filingId, FilingService filings, CancellationToken ct) =>
            await filings.DiffAsync(filingId, ct) is { } d ? Results.Ok(d) : NotFound(filingId));

        // The same comparison as a page for people (the report page links it).
        app.MapGet("/filings/{filingId:guid}/changes", async (Guid filingId, FilingService filings, CancellationToken ct) =>
                await filings.DiffAsync(filingId, ct) is { } d ? PageResult.Of<FilingDiffView, FilingDiff>(d) : NotFound(filingId))
            .RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
    }

    private static IResult NotFound(Guid filingId) =>
        Results.Problem(statusCode: 404, title: "Filing not found", detail: $"There is no frozen filing {filingId}.");
}
