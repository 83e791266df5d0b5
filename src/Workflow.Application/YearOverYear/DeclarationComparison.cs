using Workflow.Cmrt.Model;

namespace Workflow.Application.YearOverYear;

/// <summary>
/// Compares two CMRTs of one supplier, whatever their template versions. Questions are matched through the reader's
/// version-independent meanings (the reader already maps 2.x Q2, 3.x Q3 and 6.x Q3 to one "covered countries"
/// question), so a renumbering between versions is no change; answers are compared as written, ignoring case and
/// spacing, since the same meaning is worded differently across versions only where the words really differ.
/// Smelters are matched by CID, else by metal and normalised name.
/// </summary>
public static class DeclarationComparison
{
    // Labels in the 6.x numbering, used when this year's cell does not name its own question.
    private static readonly (string Label, Func<MetalAnswers, AnswerCell?> Cell)[] MetalQuestions =
    [
        ("Q1", m => m.IntentionallyAdded),
        ("Q2", m => m.RemainsInProduct),
        ("Q3", m => m.CoveredCountrySourcing),
        ("Q4", m => m.CahraSourcing),
        ("Q5", m => m.RecycledOrScrap),
        ("Q6", m => m.SupplierResponse),
        ("Q7", m => m.AllSmeltersIdentified),
        ("Q8", m => m.AllInformationReported),
        ("Q6 (2.x: all smelters validated)", m => m.AllSmeltersCompliant),
    ];

    private static readonly (string Label, Func<CompanyAnswers, AnswerCell?> Cell)[] CompanyQuestions =
    [
        ("A", c => c.Policy),
        ("B", c => c.PolicyPublic),
        ("C (before 6.0: requires conflict-free suppliers)", c => c.RequiresSuppliersConflictFree),
        ("C", c => c.RequiresValidatedSmelters),
        ("D", c => c.DueDiligenceMeasures),
        ("E", c => c.SurveysSuppliers),
        ("G (before 5.0: requests smelter names)", c => c.RequestsSmelterNames),
        ("F", c => c.ReviewsSupplierInformation),
        ("G", c => c.CorrectiveAction),
        ("H", c => c.FilesDisclosure),
    ];

    public static DeclarationChanges Compare(CmrtDeclaration previous, CmrtDeclaration current)
    {
        var before = Smelters(previous);
        var after = Smelters(current);
        var added = after.Where(p => !before.ContainsKey(p.Key)).Select(p => p.Value);
        var removed = before.Where(p => !after.ContainsKey(p.Key)).Select(p => p.Value);

        var answers = new List<AnswerChange>();
        foreach (var metal in Enum.GetValues<Metal>())
            foreach (var (label, cell) in MetalQuestions)
                AddIfChanged(answers, label, metal.ToString(), cell(previous.For(metal)), cell(current.For(metal)));
        foreach (var (label, cell) in CompanyQuestions)
            AddIfChanged(answers, label, null, cell(previous.CompanyQuestions), cell(current.CompanyQuestions));

        var scope = previous.Scope == current.Scope ? null : new ScopeChange(previous.Scope.ToString(), current.Scope.ToString());
        return new DeclarationChanges(Sorted(added), Sorted(removed), answers, scope);
    }

    /// <summary>Trimmed, inner runs of white space as one space, lower case: "Yes, 100% " and "yes,  100%" are one answer.</summary>
    public static string Normalise(string? answer) =>
        string.Join(' ', (answer ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The key a smelter is matched by across years: its CID, else metal and name reduced to letters and digits.</summary>
    public static string? SmelterKey(string? cid, string? name, string? metal)
    {
        if (!string.IsNullOrWhiteSpace(cid)) return cid.Trim().ToUpperInvariant();
        var letters = new string((name ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return letters.Length == 0 ? null : $"{(metal ?? "").Trim().ToLowerInvariant()}:{letters}";
    }

    // A question only one of the two templates asks (Q4 before 6.0, say) is not a change of answer.
    private static void AddIfChanged(List<AnswerChange> changes, string label, string? metal, AnswerCell? before, AnswerCell? after)
    {
        if (before is null || after is null) return;
        if (Normalise(before.Raw) == Normalise(after.Raw)) return;
        changes.Add(new AnswerChange(after.Question ?? label, metal, Shown(before.Raw), Shown(after.Raw)));
    }

    private static string? Shown(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    // The rows that count for the declaration (metals in scope), each smelter once; rows naming nothing are left out.
    private static Dictionary<string, SmelterChange> Smelters(CmrtDeclaration declaration)
    {
        var result = new Dictionary<string, SmelterChange>(StringComparer.Ordinal);
        foreach (var row in declaration.SmeltersInScope)
        {
            if (row.Kind == SmelterRowKind.NotYetIdentified) continue;
            var name = Shown(row.Name) ?? Shown(row.LookupName);
            var metal = row.Metal?.ToString() ?? Shown(row.MetalRaw);
            if (SmelterKey(row.Cid, name, metal) is not { } key) continue;
            result.TryAdd(key, new SmelterChange(row.Cid?.Trim().ToUpperInvariant(), name ?? row.Cid!.Trim(), metal));
        }
        return result;
    }

    private static IReadOnlyList<SmelterChange> Sorted(IEnumerable<SmelterChange> smelters) =>
        smelters.OrderBy(s => s.Metal, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Cid, StringComparer.Ordinal).ToList();
}
