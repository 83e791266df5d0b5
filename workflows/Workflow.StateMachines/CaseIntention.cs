using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>
/// What a caller wants to happen to a case, without choosing the trigger: the machine decides that from the case's
/// stage (a valid file after an invalid one is a correction; a timer fires whatever its stage declares).
/// Transition batches carry one per case.
/// </summary>
public abstract record CaseIntention
{
    private CaseIntention() { }

    public abstract CaseMove ApplyTo(SupplierCaseWorkflow workflow);

    /// <summary>Open the case and survey the supplier.</summary>
    public static CaseIntention Launch { get; } = new LaunchCase();

    /// <summary>The waiting stage's follow-up timer ran out.</summary>
    public static CaseIntention TimerElapsed { get; } = new ElapseTimer();

    public static CaseIntention Submit(SubmissionOutcome outcome) => new SubmitCmrt(outcome);

    public static CaseIntention Decide(ManagementDecision decision) => new DecideEscalation(decision);

    private sealed record LaunchCase : CaseIntention
    {
        public override CaseMove ApplyTo(SupplierCaseWorkflow workflow) => workflow.Launch();
        public override string ToString() => "launch";
    }

    private sealed record ElapseTimer : CaseIntention
    {
        public override CaseMove ApplyTo(SupplierCaseWorkflow workflow) => workflow.TimerElapsed();
        public override string ToString() => "timer elapsed";
    }

    private sealed record SubmitCmrt(SubmissionOutcome Outcome) : CaseIntention
    {
        public override CaseMove ApplyTo(SupplierCaseWorkflow workflow) => workflow.Submit(Outcome);
        public override string ToString() => $"submit ({Outcome})";
    }

    private sealed record DecideEscalation(ManagementDecision Decision) : CaseIntention
    {
        public override CaseMove ApplyTo(SupplierCaseWorkflow workflow) => workflow.Decide(Decision);
        public override string ToString() => $"decide ({Decision})";
    }
}
