using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Cases;
using Workflow.Application.Grievances;
using Workflow.Domain.Grievances;
using Workflow.Api.Grievances;
using Workflow.StateMachines.Grievances;

namespace Workflow.Api.Pages.Grievances;

/// <summary>
/// /grievances: the investigators' triage queue and one concern's page, for investigators and compliance owners only
/// (a concern may be about anyone, so managers and auditors see none). Every form posts here, never through /api, and
/// a successful post redirects back to the concern (Post/Redirect/Get); a refused one shows the page again with what
/// was typed and why.
/// </summary>
public static class GrievancePages
{
    public static void MapGrievancePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/grievances").RequireAuthorization(AccessPolicies.Concerns).ExcludeFromDescription();

        pages.MapGet("/", async (string? state, ConcernQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            ConcernState? filter = ConcernStates.TryParse(state, out var s) ? s : null;
            return PageResult.Of<ConcernQueuePage, ConcernQueueModel>(new ConcernQueueModel(await queries.ListAsync(filter, 1000, ct), filter, clock.GetUtcNow()));
        });

        pages.MapGet("/{id:guid}", async (Guid id, string? moved, string? replied, string? linked, string? draft, HttpContext http, ConcernQueries queries,
            TimeProvider clock, CancellationToken ct) =>
        {
            Notice? notice = ConcernStates.TryParse(moved, out var to) ? Notice.Info($"Moved to {to.Words().ToLowerInvariant()}; the reason is in the audit trail.")
                : replied == "1" ? Notice.Info("Reply sent: the reporter reads it through their private link.")
                : linked == "1" ? Notice.Info("Link added.")
                : null;
            return await PageAsync(http, id, queries, clock, notice, draft, new ConcernPageForms(), StatusCodes.Status200OK, ct);
        });

        pages.MapPost("/{id:guid}/transitions", async (Guid id, IFormCollection form, HttpContext http, ConcernStore store, ConcernQueries queries,
            TimeProvider clock, CancellationToken ct) =>
        {
            var forms = new ConcernPageForms { To = form["to"], Reason = form["reason"] };
            if (!ConcernStates.TryParse(forms.To, out var to))
                return await PageAsync(http, id, queries, clock, null, null, forms with { Errors = new() { ["to"] = ["Choose the state to move to."] } }, 400, ct);
            try
            {
                await store.TransitionAsync(id, to, forms.Reason ?? "", http.ActorOf(), ct);
            }
            catch (ConcernValidationException e) { return await PageAsync(http, id, queries, clock, null, null, forms with { Errors = e.Errors }, 400, ct); }
            catch (IllegalConcernTransitionException e)
            {
                // Someone else moved it meanwhile: the page shows where it stands now and what is still possible.
                return await PageAsync(http, id, queries, clock, Notice.Error(e.Message), null, forms with { To = null }, 409, ct);
            }
            catch (NotFoundException) { return Results.NotFound(); }
            return SeeOther.To($"/grievances/{id}?moved={to.ToWire()}#state");
        });

        pages.MapPost("/{id:guid}/replies", async (Guid id, IFormCollection form, HttpContext http, ConcernStore store, ConcernQueries queries,
            TimeProvider clock, CancellationToken ct) =>
        {
            var forms = new ConcernPageForms { Reply = form["body"] };
            try
            {
                await store.ReplyAsync(id, forms.Reply ?? "", http.ActorOf(), ct);
            }
            catch (ConcernValidationException e) { return await PageAsync(http, id, queries, clock, null, null, forms with { Errors = e.Errors }, 400, ct); }
            catch (NotFoundException) { return Results.NotFound(); }
            return SeeOther.To($"/grievances/{id}?replied=1#conversation");
        });

        pages.MapPost("/{id:guid}/links", async (Guid id, IFormCollection form, HttpContext http, ConcernLinks links, ConcernLinkTargets targets,
            ConcernQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var forms = new ConcernPageForms
            {
                Cid = form["cid"], Supplier = form["supplier"], Case = form["case"], Substantiated = form["substantiated"] == "true", LinkReason = form["reason"],
            };
            var errors = new Dictionary<string, string[]>();
            Guid? supplier = null, @case = null;
            if (!string.IsNullOrWhiteSpace(forms.Supplier) && (supplier = await targets.SupplierAsync(forms.Supplier, ct)) is null)
                errors["supplier"] = [$"No single supplier in the register is called '{forms.Supplier.Trim()}'; use its exact name or its identifier."];
            if (!string.IsNullOrWhiteSpace(forms.Case) && (@case = await targets.CaseAsync(forms.Case, ct)) is null)
                errors["case"] = [$"No case has the reference '{forms.Case.Trim()}'."];
            if (errors.Count > 0) return await PageAsync(http, id, queries, clock, null, null, forms with { Errors = errors }, 400, ct);
            try
            {
                var result = await links.LinkAsync(id, new ConcernLinkInput(forms.Cid, supplier, @case, forms.Substantiated, forms.LinkReason), http.ActorOf(), ct);
                return SeeOther.To($"/grievances/{id}?linked=1" + (result.DraftVersion is { } d ? "&draft=" + Format.Url(d) : "") + "#links");
            }
            catch (ConcernValidationException e) { return await PageAsync(http, id, queries, clock, null, null, forms with { Errors = e.Errors }, 400, ct); }
            catch (NotFoundException) { return Results.NotFound(); }
        });
    }

    private static async Task<IResult> PageAsync(HttpContext http, Guid id, ConcernQueries queries, TimeProvider clock, Notice? notice, string? draft,
        ConcernPageForms forms, int status, CancellationToken ct)
    {
        var seesReporter = ConcernsApi.SeesReporter(http);
        if (await queries.DetailAsync(id, seesReporter, ct) is not { } detail) return Results.NotFound();
        // Only a draft this concern's links prepared is named: the query cannot make the page point at another version.
        var shownDraft = detail.Links.Any(l => l.DraftVersion == draft) ? draft : null;
        if (forms.Errors.Count > 0) notice ??= Notice.Error("Nothing was changed: see the marked field below.");
        return PageResult.Of<ConcernPage, ConcernPageModel>(new ConcernPageModel(detail, seesReporter, clock.GetUtcNow(), notice, shownDraft, forms), status);
    }
}
