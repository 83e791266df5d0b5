using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Simulation;

/// <summary>
/// "What would change if we activated this draft?": evaluates every case under the active and the draft policy with
/// the same reference list and as-of date, and reports the differences with reasons. Pure: no I/O, no clock.
/// </summary>
public static class PolicySimulator
{
    public static SimulationReport Simulate(PolicyRuleSet rules, Policy active, Policy draft,
        SmelterReferenceList referenceList, IEnumerable<SimulationCase> cases, DateOnly asOf)
    {
        var before = new PolicyAssessor(rules, active, referenceList);
        var after = new PolicyAssessor(rules, draft, referenceList);
        var changes = new List<CaseChange>();
        var outcomesBefore = new Dictionary<Outcome, int>();
        var outcomesAfter = new Dictionary<Outcome, int>();
        var count = 0;

        foreach (var c in cases)
        {
            count++;
            var b = before.Explain(c.Declaration, c.CheckerFindings, asOf);
            var a = after.Explain(c.Declaration, c.CheckerFindings, asOf);
            outcomesBefore[b.Evaluation.Outcome] = outcomesBefore.GetValueOrDefault(b.Evaluation.Outcome) + 1;
            outcomesAfter[a.Evaluation.Outcome] = outcomesAfter.GetValueOrDefault(a.Evaluation.Outcome) + 1;
            if (Compare(c.CaseId, b, a) is { } change) changes.Add(change);
        }

        return new SimulationReport
        {
            ActivePolicyVersion = active.Version,
            DraftPolicyVersion = draft.Version,
            ReferenceListVersion = referenceList.Version,
            AsOf = asOf,
            CasesEvaluated = count,
            Changes = changes,
            OutcomesBefore = outcomesBefore,
            OutcomesAfter = outcomesAfter,
        };
    }

    private static CaseChange? Compare(string caseId, PolicyAssessment before, PolicyAssessment after) =>
        Compare(caseId, before.Evaluation, after.Evaluation, after.Determination?.Because);

    /// <summary>
    /// What differs between two evaluations of one declaration (e.g. the one on record and a re-evaluation under a
    /// newer reference list); null when nothing does.
    /// </summary>
    /// <param name="determinationBecause">Why the new determination holds, when the caller knows it.</param>
    public static CaseChange? Compare(string caseId, DeclarationEvaluation b, DeclarationEvaluation a, string? determinationBecause = null)
    {
        var beforeByKey = Index(b.Findings);
        var afterByKey = Index(a.Findings);

        var added = afterByKey.Where(kv => !beforeByKey.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
        var removed = beforeByKey.Where(kv => !afterByKey.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
        var severity = beforeByKey
            .Where(kv => afterByKey.TryGetValue(kv.Key, out var other) && other.Severity != kv.Value.Severity)
            .Select(kv => new FindingChange(kv.Value, afterByKey[kv.Key]))
            .ToList();
        var decisionsBefore = b.Decisions.Select(d => d.Kind).ToHashSet();
        var decisionsAfter = a.Decisions.Select(d => d.Kind).ToHashSet();
        var decisionsAdded = decisionsAfter.Except(decisionsBefore).ToList();
        var decisionsRemoved = decisionsBefore.Except(decisionsAfter).ToList();

        if (b.Outcome == a.Outcome && b.Determination == a.Determination && added.Count == 0 && removed.Count == 0
            && severity.Count == 0 && decisionsAdded.Count == 0 && decisionsRemoved.Count == 0)
            return null;

        var reasons = new List<string>();
        if (b.Outcome != a.Outcome)
            reasons.Add($"outcome {b.Outcome.ToWire()} → {a.Outcome.ToWire()}");
        if (b.Determination != a.Determination)
            reasons.Add($"determination {b.Determination ?? "none"} → {a.Determination ?? "none"}" +
                        (determinationBecause is { } because ? $": {because}" : ""));
        reasons.AddRange(added.Select(f => $"+ {f.Code} at {f.Location} ({f.Severity.ToWire()}): {f.Because ?? f.Message}"));
        reasons.AddRange(removed.Select(f => $"- {f.Code} at {f.Location} ({f.Severity.ToWire()}): no longer raised"));
        reasons.AddRange(severity.Select(s => $"~ {s.After.Code} at {s.After.Location}: {s.Before.Severity.ToWire()} → {s.After.Severity.ToWire()}"));
        reasons.AddRange(decisionsAdded.Select(k => $"+ decision {k}: {a.Decisions.First(d => d.Kind == k).Because}"));
        reasons.AddRange(decisionsRemoved.Select(k => $"- decision {k}"));

        return new CaseChange
        {
            CaseId = caseId,
            OutcomeBefore = b.Outcome,
            OutcomeAfter = a.Outcome,
            DeterminationBefore = b.Determination,
            DeterminationAfter = a.Determination,
            Added = added,
            Removed = removed,
            SeverityChanged = severity,
            DecisionsAdded = decisionsAdded,
            DecisionsRemoved = decisionsRemoved,
            Reasons = reasons,
        };
    }

    /// <summary>Code + location identifies a finding across policies; the first wins if a rule repeats one.</summary>
    private static Dictionary<(string Code, string Location), Finding> Index(IEnumerable<Finding> findings)
    {
        var index = new Dictionary<(string, string), Finding>();
        foreach (var f in findings) index.TryAdd((f.Code, f.Location), f);
        return index;
    }
}
