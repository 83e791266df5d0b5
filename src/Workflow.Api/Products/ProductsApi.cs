using Workflow.Api.Security;
using Workflow.Application.Products;

namespace Workflow.Api.Products;

public sealed record No3tgRequest(bool? ContainsNo3tg, string? Reason);

/// <summary>Products, parts and the bill of materials: read (any role), import and no-3TG marks (ComplianceOwner).</summary>
public static class ProductsApi
{
    public static void MapProducts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").RequireAuthorization(AccessPolicies.Read).WithTags("Products");

        api.MapGet("/", async (string? q, int? offset, int? limit, ProductQueries products, CancellationToken ct) =>
            Results.Ok((await products.ListAsync(q, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 1000, 1, 50_000), ct)).Select(View)));

        api.MapGet("/{id:guid}", async (Guid id, ProductQueries products, CancellationToken ct) =>
        {
            var detail = await products.GetAsync(id, ct);
            var p = detail.Product;
            return Results.Ok(new
            {
                p.Id, p.ProductNumber, p.ProductName, p.Family, p.NotContaining3tg, p.Reason, p.MarkedBy, p.MarkedAt, p.Parts, detail.Changes,
            });
        });

        api.MapPost("/", async (HttpRequest request, bool? dryRun, ProductRegister register, CancellationToken ct) =>
        {
            var parsed = await ProductImportBody.ReadAsync(request, ct);
            if (parsed.Problem is not null) return parsed.Problem;
            var result = await register.ImportAsync(parsed.Rows, request.HttpContext.ActorOf(), dryRun == true, ct);
            return ProductImportBody.Answer(result, dryRun == true);
        }).RequireAuthorization(AccessPolicies.Owner).Accepts<List<ProductInput>>(ProductImportBody.MediaTypes[0], ProductImportBody.MediaTypes[1..]);

        api.MapPut("/{id:guid}/no-3tg", async (Guid id, No3tgRequest request, HttpContext http, ProductRegister register, CancellationToken ct) =>
        {
            if (Invalid(request) is { } problem) return problem;
            await register.MarkProductAsync(id, request.ContainsNo3tg!.Value, request.Reason!, http.ActorOf(), "api", ct);
            return Results.Ok(new { id, containsNo3tg = request.ContainsNo3tg, reason = request.Reason!.Trim() });
        }).RequireAuthorization(AccessPolicies.Owner);

        // An engineering change takes a part out of a product; the reason is required and kept (imports never remove).
        api.MapDelete("/{id:guid}/parts/{partNumber}", async (Guid id, string partNumber, string? reason, HttpContext http, ProductRegister register,
            CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the part leaves the product (?reason=); it is kept in the product's history."] });
            await register.RemovePartAsync(id, partNumber, reason, http.ActorOf(), "api", ct);
            return Results.NoContent();
        }).RequireAuthorization(AccessPolicies.Owner);

        app.MapPut("/api/parts/{partNumber}/no-3tg", async (string partNumber, No3tgRequest request, HttpContext http, ProductRegister register, CancellationToken ct) =>
        {
            if (Invalid(request) is { } problem) return problem;
            await register.MarkPartAsync(partNumber, request.ContainsNo3tg!.Value, request.Reason!, http.ActorOf(), "api", ct);
            return Results.Ok(new { partNumber, containsNo3tg = request.ContainsNo3tg, reason = request.Reason!.Trim() });
        }).RequireAuthorization(AccessPolicies.Owner).WithTags("Products");

        app.MapGet("/api/parts", async (Guid? supplierId, ProductQueries products, CancellationToken ct) =>
            Results.Ok(await products.PartsAsync(supplierId, ct))).RequireAuthorization(AccessPolicies.Read).WithTags("Products");
    }

    private static IResult? Invalid(No3tgRequest request) =>
        request.ContainsNo3tg is null || string.IsNullOrWhiteSpace(request.Reason)
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say whether it contains no 3TG (containsNo3tg) and why (reason); the mark is audited."] })
            : null;

    private static object View(ProductRecord p) => new
    {
        p.Id, p.ProductNumber, p.ProductName, p.Family, p.NotContaining3tg, p.Reason,
        parts = p.Parts.Select(part => new { part.PartNumber, part.NotContaining3tg, part.Reason, part.Suppliers }),
    };
}
