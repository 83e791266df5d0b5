using Workflow.Cmrt.Model;

namespace Workflow.Application.YearOverYear;

/// <summary>
/// Compares two CMRTs of one supplier, whatever their template versions. Questions are matched through the reader's
/// version-independent meanings (the reader already maps 2.x Q2, 3.x Q3 and 6.x Q3 to one "covered countries"
/// question), so a renumbering between versions is no change. Answers are compared as written, ignoring case, spacing
/// and punctuation; between layout families (3.x against 6.x), whose drop-downs word one meaning differently ("Yes,
/// 100%" became "100%"), two answers of the same meaning (Yes, No, Unknown, and the response band) are the same.
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
        var smeltersBefore = Smelters(previous);
        var smeltersAfter = Smelters(current);
        var added = smeltersAfter.Where(p => !smeltersBefore.ContainsKey(p.Key)).Select(p => p.Value);
        var removed = smeltersBefore.Where(p => !smeltersAfter.ContainsKey(p.Key)).Select(p => p.Value);

        var answers = new List<AnswerChange>();
        var byMeaning = previous.Family != current.Family;
        foreach (var metal in Enum.GetValues<Metal>())
        {
            var (before, after) = (previous.For(metal), current.For(metal));
            foreach (var (label, cell) in MetalQuestions)
                AddIfChanged(answers, label, metal.ToString(), cell(before), cell(after),
                    byMeaning && (label != "Q6" || before.ResponseRate == after.ResponseRate));
        }
        foreach (var (label, cell) in CompanyQuestions)
            AddIfChanged(answers, label, null, cell(previous.CompanyQuestions), cell(current.CompanyQuestions), byMeaning);

        var scope = previous.Scope == current.Scope ? null : new ScopeChange(previous.Scope.ToString(), current.Scope.ToString());
        return new DeclarationChanges(Sorted(added), Sorted(removed), answers, scope);
    }

    /// <summary>
    /// Lower-case letters, digits and the symbols that carry meaning (%, &lt;, &gt;), as the reader matches drop-down
    /// values: "Yes, 100% " and "yes 100%" are one answer, and so are "IPC1755 (e.g., CMRT)" and "IPC-1755 [e.g., CMRT]".
    /// </summary>
    public static string Normalise(string? answer) =>
        new((answer ?? "").Where(c => char.IsLetterOrDigit(c) || c is '%' or '<' or '>').Select(char.ToLowerInvariant).ToArray());

    /// <summary>The key a smelter is matched by across years: its CID, else metal and name reduced to letters and digits.</summary>
    public static string? SmelterKey(string? cid, string? name, string? metal)
    {
        if (!string.IsNullOrWhiteSpace(cid)) return cid.Trim().ToUpperInvariant();
        var letters = new string((name ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return letters.Length == 0 ? null : $"{(metal ?? "").Trim().ToLowerInvariant()}:{letters}";
    }

    // A question only one of the two templates asks (Q4 before 6.0, say) is not a change of answer.
    private static void AddIfChanged(List<AnswerChange> changes, string label, string? metal, AnswerCell? before, AnswerCell? after, bool byMeaning)
    {
        if (before is null || after is null) return;
        if (Normalise(before.Raw) == Normalise(after.Raw)) return;
        if (byMeaning && before.Value == after.Value && before.Value != Answer.NotAllowed) return;
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
