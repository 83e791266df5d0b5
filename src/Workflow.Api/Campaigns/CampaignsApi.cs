using System.Text.Json;
using Hangfire;
using Workflow.Api.Suppliers;
using Workflow.Infrastructure.Jobs;
using Workflow.Rules.Policies;
using Workflow.Api.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Suppliers;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Extensions;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Campaigns;

/// <param name="CopyFrom">Carry over from this campaign: its suppliers and scope, its policy pin (unless <paramref name="PolicyVersion"/>).</param>
public sealed record CreateCampaignRequest(string? Name, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? ResponseDueDate,
    Guid? CopyFrom = null, string? PolicyVersion = null, bool IncludeInactive = false, bool IncludeTerminated = false);

public sealed record LaunchRequest(LaunchWave? Wave);

public static class CampaignsApi
{
    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").RequireAuthorization(AccessPolicies.Read).WithTags("Campaigns");

        api.MapGet("/", (CampaignStore store, CancellationToken ct) => store.ListAsync(ct));

        api.MapGet("/{id:guid}", async (Guid id, CampaignStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id));

        api.MapPost("/", async (CreateCampaignRequest request, CampaignStore store, IPolicySource policies, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["A campaign name is required, e.g. \"Calendar 2026\"."];
            if (request.PeriodStart is null) errors["periodStart"] = ["The reporting period start (YYYY-MM-DD) is required."];
            if (request.PeriodEnd is null) errors["periodEnd"] = ["The reporting period end (YYYY-MM-DD) is required."];
            if (request.ResponseDueDate is null) errors["responseDueDate"] = ["The response due date (YYYY-MM-DD) is required."];
            if (request.PeriodStart > request.PeriodEnd) errors["periodEnd"] = ["The period must not end before it starts."];
            Policy? policy = null;
            if (request.PolicyVersion is { } version && (policy = policies.Get(version)) is null)
                errors["policyVersion"] = [$"'{version}' is not an active policy version; active: {string.Join(", ", policies.Active.Keys.Order())}."];
            if (request.PolicyVersion is not null && request.CopyFrom is null)
                errors["policyVersion"] = ["A new campaign starts on 'default'; pin another version with PUT /api/campaigns/{id}/policy, or give copyFrom."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            if (request.CopyFrom is { } from)
            {
                var carried = await store.CreateFromAsync(from, request.Name!.Trim(), request.PeriodStart!.Value, request.PeriodEnd!.Value,
                    request.ResponseDueDate!.Value, policy is null ? null : (policy.Version, policy.Sha256), request.IncludeInactive,
                    request.IncludeTerminated, http.ActorOf(), ct);
                return Results.Created($"/api/campaigns/{carried.CampaignId}",
                    new { id = carried.CampaignId, suppliersCopied = carried.SuppliersCopied, suppliersLeftOut = carried.SuppliersLeftOut });
            }
            var id = await store.CreateAsync(request.Name!.Trim(), request.PeriodStart!.Value, request.PeriodEnd!.Value,
                request.ResponseDueDate!.Value, http.ActorOf(), ct);
            return Results.Created($"/api/campaigns/{id}", new { id });
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapGet("/{id:guid}/suppliers", async (Guid id, CampaignStore campaigns, SupplierStore suppliers, CancellationToken ct) =>
        {
            _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return await suppliers.ListForCampaignAsync(id, ct);
        });

        api.MapPost("/{id:guid}/suppliers", ImportSuppliersAsync).RequireAuthorization(AccessPolicies.Owner)
            .Accepts<List<SupplierInput>>("application/json", "text/csv", "application/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel");

        // Launches the in-scope suppliers that have no case yet (all, or a wave of them); idempotent. A wave with "at"
        // is scheduled as a job instead, so a later wave goes out on its own.
        api.MapPost("/{id:guid}/launch", async (Guid id, HttpRequest request, CampaignStore store, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            LaunchWave? wave = null;
            if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    wave = (await request.ReadFromJsonAsync<LaunchRequest>(ct))?.Wave;
                }
                catch (JsonException e)
                {
                    return Results.Problem(statusCode: 400, title: "Malformed JSON", detail: e.Message.Split(" Path:")[0]);
                }
            }
            if (wave?.Problem() is { } problem) return Results.ValidationProblem(new Dictionary<string, string[]> { ["wave"] = [problem] });
            _ = await store.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var actor = request.HttpContext.ActorOf();
            if (wave?.At is { } at)
            {
                var now = wave with { At = null };
                var jobId = jobs.Schedule<LaunchWaveJob>(j => j.RunAsync(id, now, actor, CancellationToken.None), at);
                return Results.Accepted($"/api/campaigns/{id}", new { scheduled = at, jobId, wave = wave.Describe() });
            }
            var opened = await store.LaunchAsync(id, wave, actor, ct);
            return Results.Accepted($"/api/campaigns/{id}/cases", new { casesOpened = opened.Count });
        }).RequireAuthorization(AccessPolicies.Owner);

        // After launch: surveys the in-scope suppliers imported or brought into scope since, through the same launch path
        // (a case per supplier without one, the survey e-mail, the audit); idempotent. Before launch it is refused.
        api.MapPost("/{id:guid}/survey-new", async (Guid id, HttpContext http, CampaignStore store, CancellationToken ct) =>
        {
            var campaign = await store.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            if (campaign.LaunchedAt is null)
                return Results.Problem(statusCode: 409, title: "Not launched",
                    detail: "This campaign has not been launched; launch it (POST /api/campaigns/{id}/launch) to survey its suppliers.");
            var opened = await store.LaunchAsync(id, null, http.ActorOf(), ct);
            return Results.Ok(new { casesOpened = opened.Count });
        }).RequireAuthorization(AccessPolicies.Owner);

        // Campaign-level changes (re-pins, legal holds, frozen filings, purges), newest first; each case's own history is
        // in GET /api/cases/{id}.
        api.MapGet("/{id:guid}/audit", async (Guid id, CampaignStore campaigns, CampaignAuditTrail audit, CancellationToken ct) =>
        {
            _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return await audit.ListAsync(id, ct);
        });

        api.MapGet("/{id:guid}/cases", async (Guid id, string? state, int? offset, int? limit, CampaignStore campaigns, CaseQueries cases,
            Workflow.StateMachines.CaseMachine machine, CancellationToken ct) =>
        {
            _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            // A visible state or any stage of the machine (ProductLevelRequested, CorrectionReminded, ...).
            if (state is not null && !Enum.TryParse<Workflow.Domain.Cases.CaseState>(state, ignoreCase: false, out _)
                && machine.StagesWithin(state).Count == 0)
                return Results.Problem(statusCode: 400, title: "Unknown state",
                    detail: $"'{state}' is neither a state ({string.Join(", ", Enum.GetNames<Workflow.Domain.Cases.CaseState>())}) " +
                            $"nor a stage ({string.Join(", ", machine.Stages.Where(d => d.State is not null && d.State.ToString() != d.Stage.Name).Select(d => d.Stage.Name))}).");
            return Results.Ok(await cases.ListAsync(id, state, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 10_000, 1, 50_000), ct));
        });
    }

    private static async Task<IResult> ImportSuppliersAsync(Guid id, HttpRequest request, bool? dryRun, CampaignStore campaigns, SupplierRegister register,
        CancellationToken ct)
    {
        _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
        var parsed = await SupplierImportBody.ReadAsync(request, ct);
        if (parsed.Problem is not null) return parsed.Problem;
        var (plan, result) = await register.ImportAsync(id, parsed.Rows, request.HttpContext.ActorOf(), dryRun == true, ct);
        return SupplierImportBody.Answer(plan, result, dryRun == true);
    }
}
