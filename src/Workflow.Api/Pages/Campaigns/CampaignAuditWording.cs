using System.Globalization;
using System.Text.Json;
using Workflow.Application.Campaigns;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>An audit entry as a person reads it: the action named in words, the detail as a sentence, maybe a link.</summary>
public sealed record CampaignAuditLine(CampaignAuditEntry Entry, string Action, string Detail, string? Link, string? LinkText);

/// <summary>
/// Words for the stored action names and their JSON details. The stored names stay kebab-case (API clients and exports
/// read them); an action this table does not know yet is shown with its name spelled out, its detail as key: value pairs.
/// </summary>
public static class CampaignAuditWording
{
    public static CampaignAuditLine Of(CampaignAuditEntry e)
    {
        var d = e.Detail;
        return e.Action switch
        {
            "policy-repinned" => Line(e, "Policy re-pinned", $"From {Text(d, "from") ?? "—"} to {Text(d, "to") ?? "—"}" + (Text(d, "sha256") is { } sha ? $" (SHA-256 {sha[..Math.Min(12, sha.Length)]}…)" : "")),
            "launched" => Line(e, "Launched", $"{Text(d, "casesOpened") ?? "0"} cases opened ({e.Reason}); {Text(d, "notYetSurveyed") ?? "0"} in-scope suppliers not yet surveyed"),
            "carried-over" => Line(e, "Created from an earlier campaign",
                $"{Text(d, "suppliersCopied") ?? "0"} suppliers carried over, {Text(d, "suppliersLeftOut") ?? "0"} left out (inactive or terminated)"),
            "reevaluation-started" => Line(e, "Re-evaluation applied", Pairs(d)),
            "legal-hold-placed" => Line(e, "Legal hold placed", "Retention purge suspended for this campaign"),
            "legal-hold-lifted" => Line(e, "Legal hold lifted", "Retention purge applies again"),
            "filing-frozen" => new CampaignAuditLine(e, "Filing frozen",
                $"Effort through {Text(d, "asOf") ?? "—"}; seal SHA-256 {Text(d, "sha256") ?? "—"}",
                Text(d, "filingId") is { } filing ? $"/api/filings/{Uri.EscapeDataString(filing)}/report" : null, "frozen report"),
            "records-purged" => Line(e, "Records purged (retention)",
                $"{Text(d, "files") ?? "0"} supplier files and {Text(d, "messages") ?? "0"} message bodies removed after {Text(d, "retentionYears") ?? "?"} years"),
            _ => Line(e, Spelled(e.Action), Pairs(d)),
        };
    }

    private static CampaignAuditLine Line(CampaignAuditEntry e, string action, string detail) => new(e, action, detail, null, null);

    private static string? Text(JsonElement? detail, string name) =>
        detail is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? Scalar(v) : null;

    private static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };

    private static string Spelled(string action)
    {
        var words = action.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? action : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private static string Pairs(JsonElement? detail) => detail switch
    {
        null => "",
        { ValueKind: JsonValueKind.Object } o => string.Join("; ", o.EnumerateObject().Select(p => $"{p.Name}: {Scalar(p.Value) ?? "—"}")),
        { } other => Scalar(other) ?? "",
    };
}
