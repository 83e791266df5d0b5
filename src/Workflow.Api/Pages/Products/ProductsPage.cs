using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Products;
using Workflow.Application.Suppliers;
using Workflow.Cmrt.Reading;
using Workflow.Domain.Security;

namespace Workflow.Api.Pages.Products;

/// <summary>
/// /products (searchable list and, for owners, the import) and /products/{id} (bill of materials, history, no-3TG
/// marks). Forms post, then redirect back (Post/Redirect/Get); a dry run or a rejected import answers the page at once,
/// since nothing was stored.
/// </summary>
public static class ProductsPage
{
    private const int PageSize = 200;
    private const long MaxImportBytes = 32 * 1024 * 1024;

    public static void MapProductPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/products", async (string? q, string? offset, string? imported, string? updated, string? parts, string? lines, HttpContext http,
            ProductQueries products, CancellationToken ct) =>
        {
            var notice = imported is null ? null
                : Notice.Info($"Imported: {Count(imported)} products added, {Count(updated)} updated, {Count(parts)} parts added, {Count(lines)} bill-of-materials lines added. Each change is in the product's history.");
            return await List(http, products, QueryValues.Text(q), Math.Max(0, QueryValues.Int(offset) ?? 0), notice, 200, ct);
        });

        pages.MapGet("/products/{id:guid}", async (Guid id, string? saved, HttpContext http, ProductQueries products, CancellationToken ct) =>
            Detail(http, await products.GetAsync(id, ct), saved switch
            {
                "mark" => Notice.Info("Saved; the mark and its reason are in the history below."),
                "removed" => Notice.Info("The part was taken out of this product; the change and its reason are in the history below."),
                _ => null,
            }, 200));

        pages.MapPost("/products/import", async (IFormCollection form, HttpContext http, ProductRegister register, ProductQueries products, CancellationToken ct) =>
        {
            var dryRun = form["dryRun"] == "true";
            List<(int Line, ProductInput Input)> rows;
            List<ImportError> errors;
            if (form.Files.GetFile("file") is { Length: > 0 } file)
            {
                if (file.Length > MaxImportBytes) return await List(http, products, null, 0, Notice.Error($"Split the import into files under {MaxImportBytes / 1024 / 1024} MB."), 413, ct);
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var bytes = buffer.ToArray();
                // A workbook is recognised by what it is, not by its name.
                (rows, errors) = FileRecognition.Recognise(bytes).IsWorkbook ? ProductTable.FromXlsx(bytes) : ProductTable.FromCsv(System.Text.Encoding.UTF8.GetString(bytes));
            }
            else
            {
                var text = form["csvText"].ToString();
                if (string.IsNullOrWhiteSpace(text)) return await List(http, products, null, 0, Notice.Error("Choose a CSV or Excel file, or paste the CSV."), 400, ct);
                (rows, errors) = ProductTable.FromCsv(text);
            }
            if (errors.Count == 0)
            {
                var result = await register.ImportAsync(rows, http.ActorOf(), dryRun, ct);
                errors = [.. result.Errors];
                if (errors.Count == 0 && !dryRun)
                    return Results.Redirect($"/products?imported={result.ProductsAdded}&updated={result.ProductsUpdated}&parts={result.PartsAdded}&lines={result.LinesAdded}");
                if (errors.Count == 0)
                    return await List(http, products, null, 0, Notice.Info(
                        $"Dry run, nothing stored: {result.ProductsAdded} products would be added, {result.ProductsUpdated} updated, {result.PartsAdded} parts and {result.LinesAdded} bill-of-materials lines added.",
                        result.Changes.Take(50).Select(c => $"{c.ProductNumber ?? c.PartNumber}: {c.Field} {c.From ?? "(empty)"} → {c.To ?? "(empty)"}").ToList()), 200, ct);
            }
            return await List(http, products, null, 0, Notice.Error("Nothing was imported:",
                errors.OrderBy(e => e.Row).Take(50).Select(e => $"row {e.Row}, {e.Field}: {e.Message}").ToList()), 400, ct);
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/products/{id:guid}/no-3tg", async (Guid id, IFormCollection form, HttpContext http, ProductRegister register, ProductQueries products,
            CancellationToken ct) =>
        {
            if (Reason(form) is not { } reason) return Detail(http, await products.GetAsync(id, ct), Notice.Error("Give a reason; it is kept with the mark."), 400);
            await register.MarkProductAsync(id, form["containsNo3tg"] == "true", reason, http.ActorOf(), "page", ct);
            return Results.Redirect($"/products/{id}?saved=mark");
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/products/{id:guid}/part-no-3tg", async (Guid id, IFormCollection form, HttpContext http, ProductRegister register, ProductQueries products,
            CancellationToken ct) =>
        {
            var detail = await products.GetAsync(id, ct);
            if (PartOf(detail, form) is not { } part) return Detail(http, detail, Notice.Error("Choose one of the product's parts."), 400);
            if (Reason(form) is not { } reason) return Detail(http, detail, Notice.Error("Give a reason; it is kept with the mark."), 400);
            await register.MarkPartAsync(part, form["containsNo3tg"] == "true", reason, http.ActorOf(), "page", ct);
            return Results.Redirect($"/products/{id}?saved=mark");
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/products/{id:guid}/remove-part", async (Guid id, IFormCollection form, HttpContext http, ProductRegister register, ProductQueries products,
            CancellationToken ct) =>
        {
            var detail = await products.GetAsync(id, ct);
            if (PartOf(detail, form) is not { } part) return Detail(http, detail, Notice.Error("Choose one of the product's parts."), 400);
            if (Reason(form) is not { } reason) return Detail(http, detail, Notice.Error("Give a reason; it is kept in the product's history."), 400);
            await register.RemovePartAsync(id, part, reason, http.ActorOf(), "page", ct);
            return Results.Redirect($"/products/{id}?saved=removed");
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    /// <summary>The part the form names, when it is one of this product's (a posted number is never trusted as such).</summary>
    private static string? PartOf(ProductDetail detail, IFormCollection form) =>
        detail.Product.Parts.FirstOrDefault(p => string.Equals(p.PartNumber, form["partNumber"].ToString(), StringComparison.OrdinalIgnoreCase))?.PartNumber;

    private static string? Reason(IFormCollection form) => form["reason"].ToString().Trim() is { Length: > 0 } text ? text : null;

    private static int Count(string? value) => Math.Max(0, QueryValues.Int(value) ?? 0);

    private static async Task<IResult> List(HttpContext http, ProductQueries products, string? q, int offset, Notice? notice, int status, CancellationToken ct)
    {
        var rows = await products.ListAsync(q, offset, PageSize + 1, ct);
        return PageResult.Of<ProductList, ProductListModel>(
            new ProductListModel(rows.Take(PageSize).ToList(), q, offset, rows.Count > PageSize, http.User.IsInRole(Roles.ComplianceOwner), notice), status);
    }

    private static IResult Detail(HttpContext http, ProductDetail detail, Notice? notice, int status) =>
        PageResult.Of<ProductDetailView, ProductDetailModel>(new ProductDetailModel(detail, http.User.IsInRole(Roles.ComplianceOwner), notice), status);
}
