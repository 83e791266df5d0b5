using Workflow.Application.Queries;
using Workflow.Cmrt.Model;

namespace Workflow.Application.Declared;

/// <summary>A value in both submissions; <see cref="Changed"/> when the supplier's text differs (case and spaces ignored).</summary>
public sealed record ComparedValue(string Label, string? Before, string? After)
{
    public bool Changed => !string.Equals(Normal(Before), Normal(After), StringComparison.OrdinalIgnoreCase);
    private static string Normal(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed record ComparedMetalQuestion(string Question, string? Number, IReadOnlyList<(Metal Metal, ComparedValue Value)> Cells)
{
    public bool Changed => Cells.Any(c => c.Value.Changed);
}

public enum ChangeKind { Added, Removed, Changed }

/// <summary>A smelter added, removed, or whose status or country differs.</summary>
public sealed record SmelterChange(ChangeKind Kind, DeclaredSmelter? Before, DeclaredSmelter? After, IReadOnlyList<string> What);

public sealed record ProductChange(ChangeKind Kind, DeclaredProduct? Before, DeclaredProduct? After);

/// <summary>Two submissions of one case side by side: what the supplier changed, and which findings that resolved or raised.</summary>
public sealed record DeclarationComparison(
    IReadOnlyList<ComparedValue> Company,
    IReadOnlyList<ComparedMetalQuestion> MetalQuestions,
    IReadOnlyList<ComparedValue> CompanyQuestions,
    IReadOnlyList<SmelterChange> Smelters,
    int SmeltersUnchanged,
    IReadOnlyList<ProductChange> Products,
    int ProductsUnchanged,
    IReadOnlyList<FindingLine> NewFindings,
    IReadOnlyList<FindingLine> ResolvedFindings)
{
    public static DeclarationComparison Of(DeclaredSubmission from, DeclaredSubmission to)
    {
        var before = from.Declaration is { } b ? DeclaredContent.Build(b, from.Evaluation.Findings, from.Smelters) : null;
        var after = to.Declaration is { } a ? DeclaredContent.Build(a, to.Evaluation.Findings, to.Smelters) : null;
        var (newFindings, resolved) = CompareFindings(from.Evaluation.Findings, to.Evaluation.Findings);
        if (before is null || after is null)
            return new DeclarationComparison([], [], [], [], 0, [], 0, newFindings, resolved);

        var company = before.Company.Zip(after.Company, (x, y) => new ComparedValue(x.Label, x.Value, y.Value)).ToList();
        var metalQuestions = DeclaredQuestions.PerMetal
            .Select(q => (q, x: before.MetalQuestions.FirstOrDefault(r => r.Question.Key == q.Key), y: after.MetalQuestions.FirstOrDefault(r => r.Question.Key == q.Key)))
            .Where(t => t.x is not null || t.y is not null)
            .Select(t => new ComparedMetalQuestion(t.q.Text, t.y?.Number ?? t.x?.Number,
                DeclaredQuestions.MetalOrder.Select(m => (m, new ComparedValue(DeclaredQuestions.MetalName(m),
                    Answer(t.x?.Cells.First(c => c.Metal == m).Answer), Answer(t.y?.Cells.First(c => c.Metal == m).Answer)))).ToList()))
            .ToList();
        var companyQuestions = DeclaredQuestions.CompanyLevel
            .Select(q => (q, x: before.CompanyQuestions.FirstOrDefault(r => r.Question.Key == q.Key), y: after.CompanyQuestions.FirstOrDefault(r => r.Question.Key == q.Key)))
            .Where(t => t.x is not null || t.y is not null)
            .Select(t => new ComparedValue(t.q.Text, Answer(t.x?.Answer), Answer(t.y?.Answer)))
            .ToList();
        var (smelters, smeltersUnchanged) = CompareSmelters(before.Smelters, after.Smelters);
        var (products, productsUnchanged) = CompareProducts(before.Products, after.Products);
        return new DeclarationComparison(company, metalQuestions, companyQuestions, smelters, smeltersUnchanged, products, productsUnchanged,
            newFindings, resolved);
    }

    /// <summary>The answer with its comment, so a changed comment (a policy URL) shows as a change too.</summary>
    private static string? Answer(AnswerCell? cell) =>
        cell is null ? null : string.IsNullOrWhiteSpace(cell.Comment) ? DeclaredQuestions.Shown(cell) : $"{DeclaredQuestions.Shown(cell)} (comment: {cell.Comment.Trim()})";

    private static (List<SmelterChange>, int) CompareSmelters(IReadOnlyList<DeclaredSmelter> before, IReadOnlyList<DeclaredSmelter> after)
    {
        var old = before.GroupBy(s => s.Identity).ToDictionary(g => g.Key, g => g.First());
        var now = after.GroupBy(s => s.Identity).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<SmelterChange>();
        var unchanged = 0;
        foreach (var (identity, s) in now)
        {
            if (!old.TryGetValue(identity, out var o)) { changes.Add(new(ChangeKind.Added, null, s, [])); continue; }
            var what = new List<string>();
            if (o.Status != s.Status) what.Add($"status: {o.StatusWords} → {s.StatusWords}");
            if (!string.Equals(o.Country, s.Country, StringComparison.OrdinalIgnoreCase)) what.Add($"country: {o.Country ?? "—"} → {s.Country ?? "—"}");
            if (o.RedFlag != s.RedFlag) what.Add(s.RedFlag ? "now a red flag" : "no longer a red flag");
            if (what.Count > 0) changes.Add(new(ChangeKind.Changed, o, s, what));
            else unchanged++;
        }
        changes.AddRange(old.Where(o => !now.ContainsKey(o.Key)).Select(o => new SmelterChange(ChangeKind.Removed, o.Value, null, [])));
        return (changes.OrderBy(c => c.Kind).ThenBy(c => (c.After ?? c.Before)!.Metal).ThenBy(c => (c.After ?? c.Before)!.Name).ToList(), unchanged);
    }

    private static (List<ProductChange>, int) CompareProducts(IReadOnlyList<DeclaredProduct> before, IReadOnlyList<DeclaredProduct> after)
    {
        static string Key(DeclaredProduct p) => p.Number.Trim().ToUpperInvariant();
        var old = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var now = after.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<ProductChange>();
        var unchanged = 0;
        foreach (var (key, p) in now)
        {
            if (!old.TryGetValue(key, out var o)) changes.Add(new(ChangeKind.Added, null, p));
            else if (new ComparedValue("", o.Name, p.Name).Changed || new ComparedValue("", o.Comments, p.Comments).Changed) changes.Add(new(ChangeKind.Changed, o, p));
            else unchanged++;
        }
        changes.AddRange(old.Where(o => !now.ContainsKey(o.Key)).Select(o => new ProductChange(ChangeKind.Removed, o.Value, null)));
        return (changes.OrderBy(c => c.Kind).ToList(), unchanged);
    }

    /// <summary>A finding is the same when its code and cell are: its message may name a value the supplier changed.</summary>
    private static (List<FindingLine> New, List<FindingLine> Resolved) CompareFindings(IReadOnlyList<FindingLine> before, IReadOnlyList<FindingLine> after)
    {
        var old = before.Select(f => (f.Code, f.Location)).ToHashSet();
        var now = after.Select(f => (f.Code, f.Location)).ToHashSet();
        return (after.Where(f => !old.Contains((f.Code, f.Location))).ToList(), before.Where(f => !now.Contains((f.Code, f.Location))).ToList());
    }
}
