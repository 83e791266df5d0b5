using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Assessment;

namespace Workflow.Application.Reports;

/// <summary>
/// Merges the smelters named in each case's latest valid response into distinct facilities: the same CID, or
/// names that normalise to the same reference entry (or, off the list, to the same words) are one smelter.
/// Statuses come from the active reference list where it knows the facility, else from the stored evaluation.
/// </summary>
public static class SmelterCatalog
{
    public static SmelterCatalogResult Build(IEnumerable<ReportCase> cases, SmelterReferenceList reference)
    {
        var merged = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var notYetIdentified = 0;
        foreach (var c in cases)
        {
            foreach (var s in c.LatestValid?.Smelters ?? [])
            {
                if (s.Status == "not-yet-identified") { notYetIdentified++; continue; }
                var metal = MetalNames.TryParse(s.Metal);
                if (metal is null || (string.IsNullOrWhiteSpace(s.Name) && s.Cid is null)) continue;
                var entry = reference.ByCid(s.Cid) ?? reference.ByName(metal.Value, s.Name);
                var cid = entry?.Cid ?? (SmelterReferenceList.IsCid(s.Cid) ? s.Cid!.Trim().ToUpperInvariant() : null);
                var key = cid ?? $"{metal}:{SmelterNames.Normalise(s.Name)}";
                if (!merged.TryGetValue(key, out var e))
                {
                    var status = entry is not null ? StatusOf(entry) : s.Status ?? "unknown";
                    merged[key] = e = new Entry(metal.Value.ToString(), entry?.StandardName ?? s.Name!.Trim(), entry?.Country ?? s.Country?.Trim(),
                        cid, status, entry is not null || status is "conformant" or "active" or "not-audited");
                }
                e.NamedBy.Add(c.SupplierName);
            }
        }
        var smelters = merged.Values
            .Select(e => new IdentifiedSmelter(e.Metal, e.Name, e.Country, e.Cid, e.Status, e.OnList, e.NamedBy.Order(StringComparer.Ordinal).ToList()))
            .OrderBy(s => s.Metal, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Cid, StringComparer.Ordinal)
            .ToList();
        return new SmelterCatalogResult(smelters, notYetIdentified);
    }

    // The policy's own reading of the list's status word, so the report and the evaluation agree (a cross-recognised
    // refiner is conformant in both). A facility on the list with no status word is reported as not audited, as before;
    // the policy calls that "unknown".
    private static string StatusOf(SmelterReference entry) => string.IsNullOrWhiteSpace(entry.AuditStatus)
        ? "not-audited"
        : AuditStatusClassifier.Classify(new SmelterRow { RowNumber = 0, Kind = SmelterRowKind.Listed, Cid = entry.Cid }, entry);

    private sealed record Entry(string Metal, string Name, string? Country, string? Cid, string Status, bool OnList)
    {
        public HashSet<string> NamedBy { get; } = new(StringComparer.Ordinal);
    }
}
