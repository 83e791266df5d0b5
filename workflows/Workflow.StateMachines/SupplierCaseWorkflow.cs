using Stateless;
using Stateless.Graph;
using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>
/// The supplier due-diligence workflow: one instance per load of a case, wrapping a Stateless machine whose state
/// lives on the caller's record (getter/setter), so the database row is the only truth.
/// </summary>
/// <remarks>
/// Stateless machines are not thread-safe; callers load, fire and save inside one transaction guarded by the
/// case's version column. After changing <see cref="Configure"/>, regenerate the committed diagram with
/// <c>dotnet run --project src/Workflow.Cli -- workflow diagram &gt; workflows/supplier-due-diligence.md</c>.
/// </remarks>
public sealed class SupplierCaseWorkflow
{
    private readonly StateMachine<CaseStage, CaseTrigger> _machine;
    private readonly CaseFacts _facts;

    public SupplierCaseWorkflow(Func<CaseStage> getStage, Action<CaseStage> setStage, CaseFacts facts)
    {
        _facts = facts;
        _machine = new StateMachine<CaseStage, CaseTrigger>(getStage, setStage);
        Configure(_machine);
        _machine.OnUnhandledTrigger((stage, trigger) => throw new IllegalTransitionException(stage, trigger));
    }

    /// <summary>A machine over a detached stage, for "what would happen" questions and the diagram.</summary>
    public static SupplierCaseWorkflow Detached(CaseStage stage, CaseFacts? facts = null)
    {
        var current = stage;
        return new SupplierCaseWorkflow(() => current, s => current = s, facts ?? CaseFacts.None);
    }

    public CaseStage Stage => _machine.State;

    public bool CanFire(CaseTrigger trigger) => _machine.CanFire(trigger);

    public IEnumerable<CaseTrigger> PermittedTriggers => Enum.GetValues<CaseTrigger>().Where(_machine.CanFire);

    /// <summary>Fires <paramref name="trigger"/>; throws <see cref="IllegalTransitionException"/> when not allowed.</summary>
    public void Fire(CaseTrigger trigger) => _machine.Fire(trigger);

    public static string ToMermaid() => MermaidGraph.Format(Detached(CaseStage.AwaitingResponse)._machine.GetInfo());

    private void Configure(StateMachine<CaseStage, CaseTrigger> m)
    {
        // Surveyed: waiting for a first answer; reminders climb through the sub-states.
        m.Configure(CaseStage.Surveyed)
            .InitialTransition(CaseStage.AwaitingResponse)
            .Permit(CaseTrigger.CmrtAccepted, CaseStage.Responded)
            .Permit(CaseTrigger.RejectedAsInvalid, CaseStage.Invalid)
            .Permit(CaseTrigger.RedFlagFound, CaseStage.Escalated);
        m.Configure(CaseStage.AwaitingResponse)
            .SubstateOf(CaseStage.Surveyed)
            .Permit(CaseTrigger.ReminderDue, CaseStage.Reminded)
            .Permit(CaseTrigger.SecondRequestDue, CaseStage.SecondRequestSent);
        m.Configure(CaseStage.Reminded)
            .SubstateOf(CaseStage.Surveyed)
            .Permit(CaseTrigger.SecondRequestDue, CaseStage.SecondRequestSent);
        m.Configure(CaseStage.SecondRequestSent)
            .SubstateOf(CaseStage.Surveyed)
            .Permit(CaseTrigger.EscalatedToManagement, CaseStage.Escalated);

        // Responded: a valid declaration is on file; a newer submission can still change that.
        m.Configure(CaseStage.Responded)
            .PermitReentry(CaseTrigger.CmrtAccepted)
            .Permit(CaseTrigger.RejectedAsInvalid, CaseStage.Invalid)
            .Permit(CaseTrigger.RedFlagFound, CaseStage.Escalated);

        // Invalid: a correction was requested. Another invalid file keeps the clock running rather than
        // restarting it, so a supplier cannot dodge escalation by re-sending bad files.
        m.Configure(CaseStage.Invalid)
            .InitialTransition(CaseStage.AwaitingCorrection)
            .Permit(CaseTrigger.Corrected, CaseStage.Corrected)
            .InternalTransitionIf(CaseTrigger.RejectedAsInvalid, _ => true, _ => { }, "clock keeps running")
            .Permit(CaseTrigger.RedFlagFound, CaseStage.Escalated)
            .Permit(CaseTrigger.EscalatedToManagement, CaseStage.Escalated);
        m.Configure(CaseStage.AwaitingCorrection)
            .SubstateOf(CaseStage.Invalid)
            .Permit(CaseTrigger.ReminderDue, CaseStage.CorrectionReminded);
        m.Configure(CaseStage.CorrectionReminded)
            .SubstateOf(CaseStage.Invalid);

        // Corrected: a once-invalid response was fixed and accepted.
        m.Configure(CaseStage.Corrected)
            .PermitReentry(CaseTrigger.CmrtAccepted)
            .Permit(CaseTrigger.RejectedAsInvalid, CaseStage.Invalid)
            .Permit(CaseTrigger.RedFlagFound, CaseStage.Escalated);

        // Escalated: management owns the case until it decides. New files are recorded but do not
        // take the case away from management, except a valid one that resolves it.
        m.Configure(CaseStage.Escalated)
            .InitialTransition(CaseStage.EscalationOpen)
            .Permit(CaseTrigger.CmrtAccepted, CaseStage.Responded)
            .InternalTransitionIf(CaseTrigger.RejectedAsInvalid, _ => true, _ => { }, "recorded; management decides")
            .InternalTransitionIf(CaseTrigger.RedFlagFound, _ => true, _ => { }, "recorded; management decides")
            .PermitIf(CaseTrigger.ExtensionGranted, CaseStage.Invalid,
                () => _facts.LastSubmissionInvalid, "last submission invalid")
            .PermitIf(CaseTrigger.ExtensionGranted, CaseStage.Surveyed,
                () => !_facts.LastSubmissionInvalid, "no valid submission yet")
            .Permit(CaseTrigger.RiskAccepted, CaseStage.Responded)
            .Permit(CaseTrigger.TerminationApproved, CaseStage.Terminated);
        m.Configure(CaseStage.EscalationOpen)
            .SubstateOf(CaseStage.Escalated)
            .Permit(CaseTrigger.TerminationRecommended, CaseStage.TerminationRecommended);
        m.Configure(CaseStage.TerminationRecommended)
            .SubstateOf(CaseStage.Escalated);

        // Terminated is final: the relationship ended; every trigger is refused.
        m.Configure(CaseStage.Terminated);
    }
}
