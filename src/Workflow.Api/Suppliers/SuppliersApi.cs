using System.Text.Json;
using Workflow.Api.Security;
using Workflow.Application.Suppliers;

namespace Workflow.Api.Suppliers;

public sealed record MergeRequest(Guid? Into, string? Reason);

public sealed record ScopeRequest(bool? InScope, string? Reason);

/// <summary>The supplier register: list and read (any role), import, edit, merge and scope (ComplianceOwner).</summary>
public static class SuppliersApi
{
    public static void MapSuppliers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/suppliers").RequireAuthorization(AccessPolicies.Read).WithTags("Suppliers");

        api.MapGet("/", async (string? q, string? status, int? offset, int? limit, SupplierQueries suppliers, CancellationToken ct) =>
        {
            if (status is not null && !SupplierStatuses.All.Contains(status))
                return Results.Problem(statusCode: 400, title: "Unknown status", detail: $"'{status}' is not a status; use {string.Join(", ", SupplierStatuses.All)}.");
            return Results.Ok(await suppliers.ListAsync(q, status, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 1000, 1, 50_000), ct));
        });

        api.MapGet("/{id:guid}", async (Guid id, SupplierQueries suppliers, CancellationToken ct) =>
        {
            var detail = await suppliers.GetAsync(id, ct);
            return Results.Ok(new
            {
                detail.Supplier.Id, detail.Supplier.Code, detail.Supplier.Name, detail.Supplier.Email, detail.Supplier.ContactEmails,
                detail.Supplier.ContactName, detail.Supplier.Country, detail.Supplier.Spend, detail.Supplier.DeliveryQuantity,
                detail.Supplier.Priority, detail.Supplier.Parts, detail.Supplier.Language, detail.Supplier.Status, detail.Supplier.StatusReason,
                detail.Supplier.StatusChangedAt, detail.Supplier.StatusChangedBy, detail.Supplier.MergedInto,
                detail.Campaigns, detail.Changes,
            });
        });

        api.MapPost("/", async (HttpRequest request, bool? dryRun, SupplierRegister register, CancellationToken ct) =>
        {
            var parsed = await SupplierImportBody.ReadAsync(request, ct);
            if (parsed.Problem is not null) return parsed.Problem;
            var (plan, result) = await register.ImportAsync(null, parsed.Rows, request.HttpContext.ActorOf(), dryRun == true, ct);
            return SupplierImportBody.Answer(plan, result, dryRun == true);
        }).RequireAuthorization(AccessPolicies.Owner).Accepts<List<SupplierInput>>("application/json", "text/csv", "application/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel");

        api.MapPatch("/{id:guid}", async (Guid id, HttpRequest request, SupplierEditing editing, CancellationToken ct) =>
        {
            JsonElement patch;
            try
            {
                patch = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
            }
            catch (JsonException e)
            {
                return Results.Problem(statusCode: 400, title: "Malformed JSON", detail: e.Message.Split(" Path:")[0]);
            }
            try
            {
                return Results.Ok(await editing.PatchAsync(id, patch, request.HttpContext.ActorOf(), ct));
            }
            catch (SupplierPatchException e)
            {
                return Results.Problem(statusCode: 400, title: "Invalid change; nothing was changed", detail: e.Message,
                    extensions: new Dictionary<string, object?> { ["errors"] = e.Errors });
            }
        }).RequireAuthorization(AccessPolicies.Owner);

        api.MapPost("/{id:guid}/merge", async (Guid id, MergeRequest request, HttpContext http, SupplierEditing editing, CancellationToken ct) =>
        {
            if (request.Into is not { } into || string.IsNullOrWhiteSpace(request.Reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["into"] = ["Give the supplier to merge into and a reason; the merge is audited."] });
            return Results.Ok(await editing.MergeAsync(id, into, http.ActorOf(), request.Reason.Trim(), ct));
        }).RequireAuthorization(AccessPolicies.Owner);

        app.MapPut("/api/campaigns/{id:guid}/suppliers/{supplierId:guid}/scope", async (Guid id, Guid supplierId, ScopeRequest request, HttpContext http,
            SupplierEditing editing, CancellationToken ct) =>
        {
            if (request.InScope is not { } inScope || string.IsNullOrWhiteSpace(request.Reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["inScope"] = ["Say whether the supplier is in scope and why; the change is audited."] });
            await editing.SetScopeAsync(id, supplierId, inScope, request.Reason.Trim(), http.ActorOf(), ct);
            return Results.Ok(new { supplierId, inScope, reason = request.Reason.Trim() });
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Suppliers");
    }
}
