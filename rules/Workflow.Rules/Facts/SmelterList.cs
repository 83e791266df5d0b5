using Workflow.Cmrt.Model;

namespace Workflow.Rules.Facts;

/// <summary>
/// The declaration's smelter rows as one fact, grouped by metal, for the rules that reason about a metal's smelters as
/// a whole (Step 4, Step 5). Grouping here instead of joining each row to each metal in the engine keeps a 300-row
/// declaration cheap; the per-row red-flag rules still see every <see cref="SmelterFact"/> on its own.
/// </summary>
public sealed class SmelterList
{
    private static readonly IReadOnlyList<SmelterFact> None = [];
    private readonly Dictionary<Metal, List<SmelterFact>> _byMetal = new();

    public SmelterList(IReadOnlyList<SmelterFact> rows)
    {
        All = rows;
        foreach (var row in rows)
        {
            if (row.Metal is not { } metal) continue;
            if (!_byMetal.TryGetValue(metal, out var list)) _byMetal[metal] = list = [];
            list.Add(row);
        }
    }

    /// <summary>Every row, in worksheet order.</summary>
    public IReadOnlyList<SmelterFact> All { get; }

    public IReadOnlyList<SmelterFact> ForMetal(Metal metal) => _byMetal.TryGetValue(metal, out var list) ? list : None;
}
