using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Assessment;

/// <summary>
/// The checker warns about a Smelter List row it cannot match or that is "not yet identified"; the policy raises its own
/// flag for the same row, with the rule, the OECD step and the "because". A supplier and a manager should read about
/// that row once, so the checker's warning gives way when the policy has flagged the row. When the policy ignores the
/// flag, the checker's warning stays: the template's own advice is still worth giving.
/// </summary>
internal static class SupersededSmelterWarnings
{
    private static readonly Dictionary<string, string> PolicyCodeFor = new(StringComparer.Ordinal)
    {
        [FindingCodes.SmelterUnmatched] = RedFlagCodes.SmelterNotOnReferenceList,
        [FindingCodes.SmelterNotYetIdentified] = RedFlagCodes.SmelterNotYetIdentified,
    };

    public static IEnumerable<Finding> Without(IReadOnlyList<Finding> checker, IReadOnlyList<Finding> policy)
    {
        HashSet<(string Code, int Row)>? flagged = null;
        foreach (var f in policy)
            if (SmelterRow(f.Location) is { } row) (flagged ??= []).Add((f.Code, row));
        if (flagged is null) return checker;
        return checker.Where(f => !(PolicyCodeFor.TryGetValue(f.Code, out var code) && SmelterRow(f.Location) is { } row
            && flagged.Contains((code, row))));
    }

    /// <summary>The row of a "Smelter List!C12" or "Smelter List!12:12" location.</summary>
    private static int? SmelterRow(string location)
    {
        const string sheet = "Smelter List!";
        if (!location.StartsWith(sheet, StringComparison.Ordinal)) return null;
        var cell = location.AsSpan(sheet.Length);
        var colon = cell.IndexOf(':');
        if (colon >= 0) cell = cell[..colon];
        cell = cell.TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        return int.TryParse(cell, out var row) ? row : null;
    }
}
