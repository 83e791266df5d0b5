namespace Workflow.Cmrt.Reference;

/// <summary>
/// Combines lists by CID: the first list that knows a field wins, aliases and V2 IDs are united, and an audit status
/// from any list fills a missing one (so put the status lists last).
/// </summary>
public static class SmelterReferenceMerger
{
    public static SmelterReferenceList Merge(string version, IEnumerable<SmelterReferenceList> lists)
    {
        var merged = new Dictionary<string, SmelterReference>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var parts = new List<string>();
        foreach (var list in lists)
        {
            parts.Add(list.Version);
            foreach (var e in list.All)
            {
                if (!merged.TryGetValue(e.Cid, out var existing))
                {
                    merged[e.Cid] = e;
                    order.Add(e.Cid);
                    continue;
                }
                var aliases = (existing.Aliases ?? []).Concat(e.Aliases ?? []);
                if (!string.Equals(existing.StandardName, e.StandardName, StringComparison.OrdinalIgnoreCase)) aliases = aliases.Append(e.StandardName);
                merged[e.Cid] = existing with
                {
                    Country = string.IsNullOrWhiteSpace(existing.Country) ? e.Country : existing.Country,
                    StateProvince = existing.StateProvince ?? e.StateProvince,
                    V2Id = existing.V2Id ?? e.V2Id,
                    Aliases = aliases.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    AuditStatus = e.AuditStatus ?? existing.AuditStatus,
                };
            }
        }
        return new SmelterReferenceList($"{version} [{string.Join(" + ", parts)}]", order.Select(c => merged[c]));
    }
}
