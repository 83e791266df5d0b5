using System.Text.Json;
using Workflow.Api.Extensions;
using Workflow.Application.Suppliers;

namespace Workflow.Api.Suppliers;

/// <summary>
/// A supplier import as sent: CSV (<c>text/csv</c>), a workbook (<c>.xlsx</c> or <c>.xls</c> media type) or a JSON
/// array. Every problem is collected and answered at once; nothing is imported when there is one.
/// </summary>
public static class SupplierImportBody
{
    /// <summary>Bigger imports should be split; 10,000 rows of CSV are about 1 MB.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    private static readonly string[] WorkbookTypes =
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"];

    public sealed record Parsed(List<(int Row, SupplierInput Input)> Rows, IResult? Problem);

    public static async Task<Parsed> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not null && WorkbookTypes.Contains(mediaType))
        {
            var bytes = await RequestBodies.ReadBytesAsync(request, MaxBytes, ct);
            if (bytes is null) return new([], TooLarge());
            var (rows, errors) = SupplierXlsx.Parse(bytes);
            return Checked(rows, errors);
        }
        var body = await RequestBodies.ReadTextAsync(request, MaxBytes, ct);
        if (body is null) return new([], TooLarge());
        if (mediaType is "text/csv" or "application/csv")
        {
            var (rows, errors) = SupplierCsv.Parse(body);
            return Checked(rows, errors);
        }
        if (mediaType is "application/json" or null)
        {
            try
            {
                var items = JsonSerializer.Deserialize<List<SupplierInput>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
                if (items is null) return new([], Problem([new ImportError(0, "$", "Expected a JSON array of suppliers.")]));
                return new(items.Select((s, i) => (i + 1, s)).ToList(), null);
            }
            catch (JsonException e)
            {
                return new([], Problem([new ImportError(0, e.Path ?? "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}")]));
            }
        }
        return new([], Results.Problem(statusCode: 415, title: "Unsupported media type",
            detail: "Send text/csv, an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) or application/json (an array)."));
    }

    // Structural problems and the field checks of the rows that did parse, together.
    private static Parsed Checked(List<(int Line, SupplierInput Input)> rows, List<ImportError> errors)
    {
        errors.AddRange(rows.SelectMany(r => SupplierValidation.Validate(r.Line, r.Input)));
        return errors.Count > 0 ? new([], Problem(errors.OrderBy(e => e.Row).ToList())) : new(rows, null);
    }

    public static IResult Problem(IReadOnlyList<ImportError> errors) => Results.Problem(
        statusCode: 400,
        title: "Supplier import rejected; nothing was imported",
        detail: string.Join("; ", errors.Take(5).Select(e => $"row {e.Row}, {e.Field}: {e.Message}")) + (errors.Count > 5 ? $"; and {errors.Count - 5} more" : ""),
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static IResult TooLarge() =>
        Results.Problem(statusCode: 413, title: "Import too large", detail: $"Split the import into files under {MaxBytes / 1024 / 1024} MB.");

    /// <summary>The answer to an import: the dry run's plan, or what was done.</summary>
    public static IResult Answer(ImportPlan plan, ImportResult result, bool dryRun)
    {
        if (result.Errors.Count > 0) return Problem(result.Errors);
        if (dryRun)
            return Results.Ok(new
            {
                dryRun = true,
                added = plan.Added.Select(a => new { a.Code, a.Name, a.Email, a.Country }),
                changed = plan.Changed.Select(c => new { supplierId = c.SupplierId, supplier = c.Supplier, c.Field, c.From, c.To }),
                unchanged = plan.Unchanged,
                warnings = plan.Warnings,
                errors = Array.Empty<ImportError>(),
            });
        return Results.Ok(new
        {
            importId = result.ImportId,
            imported = result.Imported,
            updated = result.Updated,
            skipped = result.Skipped,
            changes = result.Changes.Select(c => new { supplierId = c.SupplierId, supplier = c.Supplier, c.Field, c.From, c.To }),
            warnings = result.Warnings,
            errors = result.Errors,
        });
    }
}
