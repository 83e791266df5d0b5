using System.Text.Json;
using Workflow.Api.Extensions;
using Workflow.Api.Suppliers;
using Workflow.Application.Products;
using Workflow.Application.Suppliers;

namespace Workflow.Api.Products;

/// <summary>
/// A product import as sent: CSV, a workbook or a JSON array of lines, read like a supplier import. Every problem is
/// collected and answered at once; nothing is imported when there is one.
/// </summary>
public static class ProductImportBody
{
    public static readonly string[] MediaTypes =
        ["text/csv", "application/csv", "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"];

    public sealed record Parsed(List<(int Row, ProductInput Input)> Rows, IResult? Problem);

    public static async Task<Parsed> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" or "application/vnd.ms-excel")
        {
            var bytes = await RequestBodies.ReadBytesAsync(request, SupplierImportBody.MaxBytes, ct);
            return bytes is null ? new([], TooLarge()) : Checked(ProductTable.FromXlsx(bytes));
        }
        var body = await RequestBodies.ReadTextAsync(request, SupplierImportBody.MaxBytes, ct);
        if (body is null) return new([], TooLarge());
        if (mediaType is "text/csv" or "application/csv") return Checked(ProductTable.FromCsv(body));
        if (mediaType is "application/json" or null)
        {
            try
            {
                var items = JsonSerializer.Deserialize<List<ProductInput>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
                if (items is null) return new([], Problem([new ImportError(0, "$", "Expected a JSON array of bill-of-materials lines.")]));
                return new(items.Select((p, i) => (i + 1, p)).ToList(), null);
            }
            catch (JsonException e)
            {
                return new([], Problem([new ImportError(0, e.Path ?? "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}")]));
            }
        }
        return new([], Results.Problem(statusCode: 415, title: "Unsupported media type",
            detail: "Send text/csv, an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) or application/json (an array)."));
    }

    // Row checks need the supplier register, so the import makes them; a file that is not a readable table is answered here.
    private static Parsed Checked((List<(int Line, ProductInput Input)> Rows, List<ImportError> Errors) table) =>
        table.Errors.Count > 0 ? new([], Problem(table.Errors.OrderBy(e => e.Row).ToList())) : new(table.Rows, null);

    public static IResult Problem(IReadOnlyList<ImportError> errors) => Results.Problem(
        statusCode: 400,
        title: "Product import rejected; nothing was imported",
        detail: string.Join("; ", errors.Take(5).Select(e => $"row {e.Row}, {e.Field}: {e.Message}")) + (errors.Count > 5 ? $"; and {errors.Count - 5} more" : ""),
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static IResult TooLarge() =>
        Results.Problem(statusCode: 413, title: "Import too large", detail: $"Split the import into files under {SupplierImportBody.MaxBytes / 1024 / 1024} MB.");

    public static IResult Answer(ProductImportResult result, bool dryRun) => result.Errors.Count > 0
        ? Problem(result.Errors)
        : Results.Ok(new
        {
            dryRun,
            importId = result.ImportId,
            productsAdded = result.ProductsAdded,
            productsUpdated = result.ProductsUpdated,
            partsAdded = result.PartsAdded,
            linesAdded = result.LinesAdded,
            changes = result.Changes,
            errors = result.Errors,
        });
}
