using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.StateMachines;

namespace Workflow.Api.Pages.Escalations;

public sealed record DecisionOutcome(Guid CaseId, bool Succeeded, string Message, string? NewState);

/// <summary>
/// A manager's decision on escalated cases, taken from a page form: the same intention and audit wording as
/// <c>POST /api/cases/{id}/decisions</c>. The form carries the version the manager saw, so a case that changed
/// meanwhile is refused rather than decided blind. Several cases are decided as one transition batch.
/// </summary>
public sealed record ManagerDecision(ManagementDecision Kind, string Reason, DateTimeOffset? DueAt)
{
    public static (ManagerDecision? Decision, string? Error) Parse(string? decision, string? reason, string? extendTo)
    {
        if (string.IsNullOrWhiteSpace(reason)) return (null, "Every decision needs a reason; it goes into the audit trail.");
        reason = reason.Trim();
        switch (decision)
        {
            case "extend":
                if (!DateOnly.TryParse(extendTo, System.Globalization.CultureInfo.InvariantCulture, out var date))
                    return (null, "An extension needs the new date.");
                return (new ManagerDecision(ManagementDecision.Extend, $"extended to {date:yyyy-MM-dd}: {reason}",
                    new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)), null);
            case "accept-risk":
                return (new ManagerDecision(ManagementDecision.AcceptRisk, reason, null), null);
            case "terminate":
                return (new ManagerDecision(ManagementDecision.Terminate, reason, null), null);
            default:
                return (null, "Choose a decision: extend, accept the risk, or approve termination.");
        }
    }

    public async Task<DecisionOutcome> ApplyAsync(CaseTransitions transitions, Guid caseId, int? expectedVersion, string actor, CancellationToken ct) =>
        (await ApplyAllAsync(transitions, [(caseId, expectedVersion)], actor, ct))[0];

    /// <summary>Decides every selected case in one batch; each gets its own outcome, in order.</summary>
    public async Task<IReadOnlyList<DecisionOutcome>> ApplyAllAsync(CaseTransitions transitions, IReadOnlyList<(Guid CaseId, int? Version)> cases,
        string actor, CancellationToken ct)
    {
        var cause = new TransitionCause(actor, Reason);
        var results = await transitions.ApplyAsync(
            cases.Select(c => new TransitionRequest(c.CaseId, CaseIntention.Decide(Kind), cause, c.Version, DueAt)).ToList(), ct);
        return results.Select(r => r.Status switch
        {
            TransitionStatus.Applied => new DecisionOutcome(r.Request.CaseId, true,
                $"{r.Transition!.FromState} → {r.Transition.ToState}", r.Transition.ToState.ToString()),
            TransitionStatus.Conflict => new DecisionOutcome(r.Request.CaseId, false, "The case changed since the page was loaded; reload and decide again.", null),
            TransitionStatus.Refused => new DecisionOutcome(r.Request.CaseId, false, r.Error!.Message, null),
            _ => new DecisionOutcome(r.Request.CaseId, false, "No such case.", null),
        }).ToList();
    }
}
