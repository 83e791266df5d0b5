using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Escalations;
using Workflow.Api.Pages.Html;
using Workflow.Api.Security;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Campaigns;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Pages;
using Workflow.Infrastructure.Suppliers;
using static Workflow.Api.Pages.Html.Html;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>/campaigns/{id}/suppliers: filterable supplier list with their cases, and the CSV import (same CSV as the API).</summary>
public static class SuppliersPage
{
    private const long MaxImportBytes = 32 * 1024 * 1024;

    public static void MapSuppliersPage(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/campaigns/{id:guid}/suppliers", async (Guid id, string? state, string? country, string? name, string? page, HttpContext http,
            CampaignStore campaigns, SupplierListQuery suppliers, IOptions<PageOptions> options, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            var list = await suppliers.PageAsync(id, new SupplierFilter(QueryValues.Text(state), QueryValues.Text(country), QueryValues.Text(name), Math.Max(1, QueryValues.Int(page) ?? 1), options.Value.PageSize), ct);
            return Render(new PageView(http), campaign, list, null, 200);
        });

        pages.MapPost("/campaigns/{id:guid}/suppliers/import", async (Guid id, IFormFile? csv, IFormCollection form, HttpContext http,
            CampaignStore campaigns, SupplierStore store, SupplierListQuery suppliers, IOptions<PageOptions> options, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            string text;
            if (csv is { Length: > 0 })
            {
                if (csv.Length > MaxImportBytes) return await Again($"<span class=\"error\">Split the import into files under {MaxImportBytes / 1024 / 1024} MB.</span>", 413);
                using var reader = new StreamReader(csv.OpenReadStream());
                text = await reader.ReadToEndAsync(ct);
            }
            else
            {
                text = form["csvText"].ToString();
            }
            if (string.IsNullOrWhiteSpace(text)) return await Again("<span class=\"error\">Choose a CSV file or paste the CSV.</span>", 400);

            var (rows, errors) = SupplierCsv.Parse(text);
            errors.AddRange(rows.SelectMany(r => SupplierValidation.Validate(r.Line, r.Input)));
            var result = errors.Count == 0 ? await store.ImportAsync(id, rows, ct) : new ImportResult(0, 0, errors);
            if (result.Errors.Count > 0)
                return await Again("<span class=\"error\">Nothing was imported:</span><ul class=\"errors\">" + string.Concat(result.Errors.OrderBy(e => e.Row).Take(50)
                    .Select(e => $"<li>row {e.Row}, {E(e.Field)}: {E(e.Message)}</li>")) + "</ul>", 400);
            return await Again($"Imported {result.Imported} suppliers; {result.Skipped} were already in the campaign.", 200);

            async Task<IResult> Again(string notice, int status) =>
                Render(new PageView(http), campaign, await suppliers.PageAsync(id, new SupplierFilter(null, null, null, 1, options.Value.PageSize), ct), notice, status);
        }).RequireAuthorization(Policies.Owner);
    }

    private static IResult Render(PageView view, Campaign campaign, SupplierListPage list, string? notice, int status)
    {
        var f = list.Filter;
        var rows = new StringBuilder();
        foreach (var r in list.Rows)
            rows.Append($"""
                <tr><td>{E(r.Name)}</td><td>{E(r.Email)}</td><td>{E(r.Country)}</td>
                <td>{(r.CaseId is null ? StateBadge(null) : $"<a href=\"/cases/{r.CaseId}\">{E(r.Reference)}</a> {StateBadge(r.State)}")}</td>
                <td>{E(r.LastOutcome ?? "—")}</td>
                <td>{(r.CaseId is null ? "" : view.IsOwner && r.State != "Terminated" ? $"<a href=\"/cases/{r.CaseId}#upload\">Upload CMRT</a>" : $"<a href=\"/cases/{r.CaseId}\">Open</a>")}</td></tr>
                """);
        var stateOptions = Options([("", "Any state"), ("none", "No case (not launched)"), .. Enum.GetNames<CaseState>().Select(s => (s, s))], f.State);
        var countryOptions = Options([("", "Any country"), .. list.Countries.Select(c => (c, c))], f.Country);
        var query = $"?state={Url(f.State ?? "")}&country={Url(f.Country ?? "")}&name={Url(f.Name ?? "")}";
        var import = view.IsOwner ? $"""
            <form method="post" action="/campaigns/{campaign.Id}/suppliers/import" enctype="multipart/form-data" class="stacked" id="import">
              {view.Antiforgery()}
              <h2>Import suppliers</h2>
              <p class="hint">CSV with the header <code>name,email,country[,spend][,contactName]</code>, as for the API. A supplier already known by e-mail is not duplicated; any bad row stops the whole import.</p>
              <label for="csv">CSV file</label>
              <input id="csv" name="csv" type="file" accept=".csv,text/csv">
              <label for="csvText">or paste the CSV</label>
              <textarea id="csvText" name="csvText" rows="4"></textarea>
              <button type="submit">Import</button>
            </form>
            """ : "";
        return view.Render($"Suppliers · {campaign.Name}", $"""
            <h1>Suppliers of {E(campaign.Name)}</h1>
            <p><a href="/campaigns/{campaign.Id}">Dashboard</a> · {list.Total} suppliers match</p>
            <form method="get" class="filters" role="search" aria-label="Filter suppliers">
              <label for="f-state">State</label><select id="f-state" name="state">{stateOptions}</select>
              <label for="f-country">Country</label><select id="f-country" name="country">{countryOptions}</select>
              <label for="f-name">Name or e-mail</label><input id="f-name" name="name" type="search" value="{E(f.Name)}">
              <button type="submit">Filter</button>
            </form>
            {(list.Rows.Count == 0 ? "<p>No suppliers match.</p>" : $"""
              <table id="suppliers"><thead><tr><th scope="col">Supplier</th><th scope="col">E-mail</th><th scope="col">Country</th>
              <th scope="col">Case</th><th scope="col">Last outcome</th><th scope="col">Action</th></tr></thead><tbody>{rows}</tbody></table>
              """)}
            {EscalationsPage.Pager(list.PageCount, f.Page, query)}
            {import}
            """, status, notice);
    }
}
