using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;
using Workflow.StateMachines;

namespace Workflow.Api.Pages.Escalations;

public sealed record DecisionOutcome(Guid CaseId, bool Succeeded, string Message, string? NewState);

/// <summary>
/// A manager's decision on an escalated case, taken from a page form: the same triggers and audit wording as
/// <c>POST /api/cases/{id}/decisions</c>. The form carries the version the manager saw, so a case that changed
/// meanwhile is refused rather than decided blind.
/// </summary>
public sealed record ManagerDecision(CaseTrigger Trigger, string Reason, DateTimeOffset? DueAt)
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
                return (new ManagerDecision(CaseTrigger.ExtensionGranted, $"extended to {date:yyyy-MM-dd}: {reason}",
                    new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)), null);
            case "accept-risk":
                return (new ManagerDecision(CaseTrigger.RiskAccepted, reason, null), null);
            case "terminate":
                return (new ManagerDecision(CaseTrigger.TerminationApproved, reason, null), null);
            default:
                return (null, "Choose a decision: extend, accept the risk, or approve termination.");
        }
    }

    public async Task<DecisionOutcome> ApplyAsync(CaseTransitions transitions, Guid caseId, int? expectedVersion, string actor, CancellationToken ct)
    {
        try
        {
            var t = await transitions.FireAsync(caseId, Trigger, new TransitionCause(actor, Reason), expectedVersion, DueAt, ct: ct);
            return new DecisionOutcome(caseId, true, $"{t.From.ToState()} → {t.To.ToState()}", t.To.ToState().ToString());
        }
        catch (ConcurrencyConflictException)
        {
            return new DecisionOutcome(caseId, false, "The case changed since the page was loaded; reload and decide again.", null);
        }
        catch (IllegalTransitionException e)
        {
            return new DecisionOutcome(caseId, false, e.Message, null);
        }
        catch (NotFoundException)
        {
            return new DecisionOutcome(caseId, false, "No such case.", null);
        }
    }
}
