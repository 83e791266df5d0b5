using Workflow.Cmrt.Reading;
using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Domain.Security;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Queries;
using Workflow.Application.Suppliers;
using Workflow.Application.Wording;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>/campaigns/{id}/suppliers: filterable supplier list with their cases, and the CSV import (same CSV as the API).</summary>
public static class SuppliersPage
{
    private const long MaxImportBytes = 32 * 1024 * 1024;

    public static void MapSuppliersPage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/campaigns/{id:guid}/suppliers", async (Guid id, string? state, string? country, string? name, string? page,
            string? imported, string? updated, string? skipped, HttpContext http,
            CampaignStore campaigns, SupplierListQuery suppliers, IOptions<PageOptions> options, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var list = await suppliers.PageAsync(id, new SupplierFilter(QueryValues.Text(state), QueryValues.Text(country), QueryValues.Text(name), Math.Max(1, QueryValues.Int(page) ?? 1), options.Value.PageSize), ct);
            // The import's outcome after its redirect (Post/Redirect/Get).
            var notice = QueryValues.Int(imported) is { } n
                ? Notice.Info($"Imported {Plain.Count(n, "supplier")} into the campaign; {Plain.Count(QueryValues.Int(updated) ?? 0, "existing supplier")} updated; {Plain.Count(QueryValues.Int(skipped) ?? 0, "supplier")} already in the campaign. Every changed field is in the supplier's history in the register.")
                : null;
            return Render(http, campaign, list, notice, 200);
        });

        pages.MapPost("/campaigns/{id:guid}/suppliers/import", async (Guid id, IFormFile? csv, IFormCollection form, HttpContext http,
            CampaignStore campaigns, SupplierRegister register, SupplierListQuery suppliers, IOptions<PageOptions> options, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var dryRun = form["dryRun"] == "true";
            List<(int Line, SupplierInput Input)> rows;
            List<ImportError> errors;
            if (csv is { Length: > 0 })
            {
                if (csv.Length > MaxImportBytes) return await Again(Notice.Error($"Split the import into files under {MaxImportBytes / 1024 / 1024} MB."), 413);
                using var buffer = new MemoryStream();
                await csv.CopyToAsync(buffer, ct);
                var bytes = buffer.ToArray();
                // A workbook is recognised by what it is, not by its name.
                (rows, errors) = FileRecognition.Recognise(bytes).IsWorkbook ? SupplierXlsx.Parse(bytes) : SupplierCsv.Parse(System.Text.Encoding.UTF8.GetString(bytes));
            }
            else
            {
                var text = form["csvText"].ToString();
                if (string.IsNullOrWhiteSpace(text)) return await Again(Notice.Error("Choose a CSV or Excel file, or paste the CSV."), 400);
                (rows, errors) = SupplierCsv.Parse(text);
            }
            errors.AddRange(rows.SelectMany(r => SupplierValidation.Validate(r.Line, r.Input)));
            if (errors.Count > 0)
                return await Again(Notice.Error("Nothing was imported:",
                    errors.OrderBy(e => e.Row).Take(50).Select(e => $"row {e.Row}, column {e.Field}: {e.Message}").ToList()), 400);
            var (plan, result) = await register.ImportAsync(id, rows, http.ActorOf(), dryRun, ct);
            if (result.Errors.Count > 0)
                return await Again(Notice.Error("Nothing was imported:",
                    result.Errors.OrderBy(e => e.Row).Take(50).Select(e => $"row {e.Row}, column {e.Field}: {e.Message}").ToList()), 400);
            var details = plan.Changed.Take(50).Select(c => $"{c.Supplier}: {c.Field} {c.From ?? "(empty)"} → {c.To ?? "(empty)"}")
                .Concat(plan.Warnings).ToList();
            // A dry run stores nothing, so showing its plan in place is safe to repeat; a real import redirects.
            if (!dryRun) return SeeOther.To($"/campaigns/{id}/suppliers?imported={result.Imported}&updated={result.Updated}&skipped={result.Skipped}");
            return await Again(Notice.Info($"Dry run, nothing stored: {Plain.Count(plan.Added.Count, "supplier")} would be added, {plan.Changed.Select(c => c.SupplierId).Distinct().Count()} changed, {plan.Unchanged} left as they are.", details), 200);

            async Task<IResult> Again(Notice notice, int status) =>
                Render(http, campaign, await suppliers.PageAsync(id, new SupplierFilter(null, null, null, 1, options.Value.PageSize), ct), notice, status);
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    private static IResult Render(HttpContext http, Campaign campaign, SupplierListPage list, Notice? notice, int status) =>
        PageResult.Of<SupplierList, SupplierListModel>(new SupplierListModel(campaign, list, http.User.IsInRole(Roles.ComplianceOwner), notice), status);
}
