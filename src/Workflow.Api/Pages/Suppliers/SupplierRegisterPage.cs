using System.Globalization;
using System.Text.Json;
using Workflow.Api.Pages.Layout;
using Workflow.Api.Security;
using Workflow.Application.Cases;
using Workflow.Application.Suppliers;
using Workflow.Domain.Security;

namespace Workflow.Api.Pages.Suppliers;

/// <summary>
/// /suppliers (the register, searchable) and /suppliers/{id} (one supplier: facts, campaigns, history; for owners the
/// edit, status and merge forms). Forms post, then redirect back (Post/Redirect/Get), so a reload never posts again.
/// </summary>
public static class SupplierRegisterPage
{
    private const int PageSize = 200;

    private static readonly Dictionary<string, string> Saved = new()
    {
        ["edit"] = "Saved; each changed field is in the history below.",
        ["status"] = "Status changed; the reason is kept with the supplier.",
        ["merge"] = "Merged; the other record's contacts, campaigns and cases are now here.",
    };

    public static void MapSupplierRegisterPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/suppliers", async (string? q, string? status, string? offset, HttpContext http, SupplierQueries suppliers, CancellationToken ct) =>
        {
            var from = Math.Max(0, QueryValues.Int(offset) ?? 0);
            var wanted = SupplierStatuses.All.Contains(status) ? status : null;
            var rows = await suppliers.ListAsync(QueryValues.Text(q), wanted, from, PageSize + 1, ct);
            return PageResult.Of<RegisterList, RegisterListModel>(new RegisterListModel(rows.Take(PageSize).ToList(), QueryValues.Text(q), wanted, from,
                rows.Count > PageSize, http.User.IsInRole(Roles.ComplianceOwner), null));
        });

        pages.MapGet("/suppliers/{id:guid}", async (Guid id, string? saved, HttpContext http, SupplierQueries suppliers, CancellationToken ct) =>
            Detail(http, await suppliers.GetAsync(id, ct), saved is not null && Saved.TryGetValue(saved, out var text) ? Notice.Info(text) : null, 200));

        pages.MapPost("/suppliers/{id:guid}/edit", async (Guid id, IFormCollection form, HttpContext http, SupplierEditing editing, SupplierQueries suppliers,
            CancellationToken ct) =>
        {
            var patch = new Dictionary<string, object?>
            {
                ["code"] = Optional(form["code"]),
                ["name"] = form["name"].ToString().Trim(),
                ["email"] = form["email"].ToString().Trim(),
                ["contactName"] = Optional(form["contactName"]),
                ["contactEmails"] = form["contactEmails"].ToString().Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ["country"] = Optional(form["country"]),
                ["language"] = Optional(form["language"]) ?? "en",
            };
            var errors = new List<string>();
            foreach (var (field, label) in new[] { ("spend", "Spend"), ("deliveryQuantity", "Delivery quantity"), ("priority", "Priority") })
            {
                var text = Optional(form[field]);
                if (text is null) patch[field] = null;
                else if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) patch[field] = n;
                else errors.Add($"{label}: '{text}' is not a number (dot as decimal separator).");
            }
            if (errors.Count > 0) return Detail(http, await suppliers.GetAsync(id, ct), Notice.Error("Nothing was changed:", errors), 400);
            return await Attempt(http, id, suppliers, "edit", () => editing.PatchAsync(id, JsonSerializer.SerializeToElement(patch), http.ActorOf(), ct), ct);
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/suppliers/{id:guid}/status", async (Guid id, IFormCollection form, HttpContext http, SupplierEditing editing, SupplierQueries suppliers,
            CancellationToken ct) =>
        {
            var patch = new Dictionary<string, object?> { ["status"] = form["status"].ToString(), ["statusReason"] = Optional(form["reason"]) };
            return await Attempt(http, id, suppliers, "status", () => editing.PatchAsync(id, JsonSerializer.SerializeToElement(patch), http.ActorOf(), ct), ct);
        }).RequireAuthorization(AccessPolicies.Owner);

        pages.MapPost("/suppliers/{id:guid}/merge", async (Guid id, IFormCollection form, HttpContext http, SupplierEditing editing, SupplierQueries suppliers,
            CancellationToken ct) =>
        {
            var into = Optional(form["into"]);
            var reason = Optional(form["reason"]);
            if (into is null || reason is null)
                return Detail(http, await suppliers.GetAsync(id, ct), Notice.Error("Give the other supplier's code or e-mail, and a reason."), 400);
            // The person types what they know (a code or an e-mail); exactly one active record must answer to it.
            var matches = (await suppliers.ListAsync(into, null, 0, 50, ct))
                .Where(s => s.Id != id && (string.Equals(s.Code, into, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Email, into, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (matches.Count != 1)
                return Detail(http, await suppliers.GetAsync(id, ct), Notice.Error(matches.Count == 0
                    ? $"No other supplier has the code or e-mail '{into}'."
                    : $"{matches.Count} suppliers answer to '{into}'; use the code."), 400);
            var target = matches[0].Id;
            try
            {
                await editing.MergeAsync(id, target, http.ActorOf(), reason, ct);
            }
            catch (SupplierConflictException e)
            {
                return Detail(http, await suppliers.GetAsync(id, ct), Notice.Error(e.Message), 409);
            }
            return Results.Redirect($"/suppliers/{target}?saved=merge");
        }).RequireAuthorization(AccessPolicies.Owner);
    }

    private static async Task<IResult> Attempt(HttpContext http, Guid id, SupplierQueries suppliers, string saved, Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (SupplierPatchException e)
        {
            return Detail(http, await suppliers.GetAsync(id, ct), Notice.Error("Nothing was changed:", e.Errors.Select(x => $"{x.Field}: {x.Message}").ToList()), 400);
        }
        catch (SupplierConflictException e)
        {
            return Detail(http, await suppliers.GetAsync(id, ct), Notice.Error(e.Message), 409);
        }
        return Results.Redirect($"/suppliers/{id}?saved={saved}");
    }

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static IResult Detail(HttpContext http, SupplierDetail detail, Notice? notice, int status) =>
        PageResult.Of<SupplierDetailView, SupplierDetailModel>(new SupplierDetailModel(detail, http.User.IsInRole(Roles.ComplianceOwner), notice), status);
}
