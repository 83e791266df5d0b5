using System.Text.Json;
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

public sealed record CreateCampaignRequest(string? Name, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? ResponseDueDate);

public static class CampaignsApi
{
    /// <summary>Bigger imports should be split; 10,000 rows of CSV are about 1 MB.</summary>
    private const int MaxImportBytes = 32 * 1024 * 1024;

    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").RequireAuthorization(AccessPolicies.Read).WithTags("Campaigns");

        api.MapGet("/", (CampaignStore store, CancellationToken ct) => store.ListAsync(ct));

        api.MapGet("/{id:guid}", async (Guid id, CampaignStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id));

        api.MapPost("/", async (CreateCampaignRequest request, CampaignStore store, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["A campaign name is required, e.g. \"Calendar 2026\"."];
            if (request.PeriodStart is null) errors["periodStart"] = ["The reporting period start (YYYY-MM-DD) is required."];
            if (request.PeriodEnd is null) errors["periodEnd"] = ["The reporting period end (YYYY-MM-DD) is required."];
            if (request.ResponseDueDate is null) errors["responseDueDate"] = ["The response due date (YYYY-MM-DD) is required."];
            if (request.PeriodStart > request.PeriodEnd) errors["periodEnd"] = ["The period must not end before it starts."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
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
            .Accepts<List<SupplierInput>>("application/json", "text/csv");

        api.MapPost("/{id:guid}/launch", async (Guid id, CampaignStore store, HttpContext http, CancellationToken ct) =>
        {
            var opened = await store.LaunchAsync(id, http.ActorOf(), ct);
            return Results.Accepted($"/api/campaigns/{id}/cases", new { casesOpened = opened.Count });
        }).RequireAuthorization(AccessPolicies.Owner);

        // Campaign-level changes (re-pins, legal holds, frozen filings, purges), newest first; each case's own history is
        // in GET /api/cases/{id}.
        api.MapGet("/{id:guid}/audit", async (Guid id, CampaignStore campaigns, CampaignAuditTrail audit, CancellationToken ct) =>
        {
            _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return await audit.ListAsync(id, ct);
        });

        api.MapGet("/{id:guid}/cases", async (Guid id, string? state, int? offset, int? limit, CampaignStore campaigns, CaseQueries cases, CancellationToken ct) =>
        {
            _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            if (state is not null && !Enum.TryParse<Workflow.Domain.Cases.CaseState>(state, ignoreCase: false, out _))
                return Results.Problem(statusCode: 400, title: "Unknown state",
                    detail: $"'{state}' is not a state; use one of {string.Join(", ", Enum.GetNames<Workflow.Domain.Cases.CaseState>())}.");
            return Results.Ok(await cases.ListAsync(id, state, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 10_000, 1, 50_000), ct));
        });
    }

    private static async Task<IResult> ImportSuppliersAsync(Guid id, HttpRequest request, CampaignStore campaigns, SupplierStore suppliers, CancellationToken ct)
    {
        _ = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
        var body = await RequestBodies.ReadTextAsync(request, MaxImportBytes, ct);
        if (body is null)
            return Results.Problem(statusCode: 413, title: "Import too large", detail: $"Split the import into files under {MaxImportBytes / 1024 / 1024} MB.");

        List<(int, SupplierInput)> rows;
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is "text/csv" or "application/csv")
        {
            var (parsed, errors) = SupplierCsv.Parse(body);
            // Report every problem at once: structural ones and the field checks of the rows that did parse.
            errors.AddRange(parsed.SelectMany(r => SupplierValidation.Validate(r.Line, r.Input)));
            if (errors.Count > 0) return ImportProblem(errors.OrderBy(e => e.Row).ToList());
            rows = parsed;
        }
        else if (mediaType is "application/json" or null)
        {
            try
            {
                var items = JsonSerializer.Deserialize<List<SupplierInput>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
                if (items is null) return ImportProblem([new ImportError(0, "$", "Expected a JSON array of suppliers.")]);
                rows = items.Select((s, i) => (i + 1, s)).ToList();
            }
            catch (JsonException e)
            {
                return ImportProblem([new ImportError(0, e.Path ?? "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}")]);
            }
        }
        else
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send application/json (an array) or text/csv.");
        }

        var result = await suppliers.ImportAsync(id, rows, ct);
        return result.Errors.Count > 0 ? ImportProblem(result.Errors) : Results.Ok(result);
    }

    private static IResult ImportProblem(IReadOnlyList<ImportError> errors) => Results.Problem(
        statusCode: 400,
        title: "Supplier import rejected; nothing was imported",
        detail: string.Join("; ", errors.Take(5).Select(e => $"row {e.Row}, {e.Field}: {e.Message}")) + (errors.Count > 5 ? $"; and {errors.Count - 5} more" : ""),
        extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
