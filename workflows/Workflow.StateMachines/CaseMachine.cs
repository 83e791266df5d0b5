using Workflow.Domain.Cases;
using static Workflow.Domain.Cases.CaseStage;

namespace Workflow.StateMachines;

/// <summary>
/// The supplier case machine as data: every stage declared once (<see cref="StageDeclaration"/>), with its visible
/// state, its place in the hierarchy, its timer, the message its entry sends and its transitions. Everything else
/// (the Stateless machine, the follow-up clock, the outbox, the sweep) reads this declaration.
/// </summary>
/// <remarks>
/// To add a stage: declare it in <see cref="Default"/> (and point the stage before it at it), give its timer a duration
/// in workflows/follow-up.json under the stage's name, add workflows/templates/&lt;kind&gt;.&lt;lang&gt;.txt for its
/// message, and regenerate workflows/supplier-due-diligence.md. See workflows/README.md.
/// </remarks>
public sealed class CaseMachine
{
    private readonly Dictionary<CaseStage, StageDeclaration> _byStage;

    public CaseMachine(IEnumerable<StageDeclaration> stages)
    {
        Stages = stages.ToList();
        _byStage = new Dictionary<CaseStage, StageDeclaration>();
        foreach (var d in Stages)
            if (!_byStage.TryAdd(d.Stage, d)) throw new ArgumentException($"Stage {d.Stage} is declared twice.");
        var starts = Stages.Where(d => d.State is null).ToList();
        if (starts.Count != 1) throw new ArgumentException("Exactly one stage (the start) has no visible state.");
        Start = starts[0].Stage;
        foreach (var d in Stages)
        {
            foreach (var named in new[] { d.Parent, d.InitialSubStage, d.Timer?.GoesTo })
                if (named is { } s && !_byStage.ContainsKey(s))
                    throw new ArgumentException($"Stage {d.Stage} names {s}, which is not declared.");
            if (d.Parent is { } p && _byStage[p].State != d.State)
                throw new ArgumentException($"Stage {d.Stage} is a sub-stage of {p} but belongs to another visible state.");
            if (d.Timer is { CountsFromParent: true } && d.Parent is null)
                throw new ArgumentException($"Stage {d.Stage}'s timer counts from its parent, but it has none.");
        }
    }

    public IReadOnlyList<StageDeclaration> Stages { get; }

    /// <summary>Where a case is before it is launched; it is never stored.</summary>
    public CaseStage Start { get; }

    public StageDeclaration this[CaseStage stage] => _byStage.TryGetValue(stage, out var d)
        ? d : throw new InvalidOperationException($"Stage '{stage}' is not declared by the case machine.");

    public bool Declares(CaseStage stage) => _byStage.ContainsKey(stage);

    /// <summary>The visible state of a stage; the start has none.</summary>
    public CaseState StateOf(CaseStage stage) =>
        this[stage].State ?? throw new InvalidOperationException($"Stage '{stage}' is the start; it has no visible state.");

    public bool Waits(CaseStage stage) => this[stage].Waits;

    public IEnumerable<StageDeclaration> WaitingStages => Stages.Where(d => d.Waits);

    /// <summary>Every message kind the machine sends, once each.</summary>
    public IEnumerable<StageMessage> Messages => Stages.Select(d => d.OnEntry).OfType<StageMessage>().DistinctBy(m => m.Kind);

    /// <summary>The stage, then its parent, grandparent and so on.</summary>
    public IEnumerable<CaseStage> Lineage(CaseStage stage)
    {
        for (CaseStage? s = stage; s is { } current; s = this[current].Parent) yield return current;
    }

    /// <summary>Whether <paramref name="stage"/> is <paramref name="ancestor"/> or below it; false for an undeclared stage.</summary>
    public bool IsWithin(CaseStage stage, CaseStage ancestor) => Declares(stage) && Lineage(stage).Contains(ancestor);

    /// <summary>
    /// The stages a name covers: the stage and every stage below it, leaving out the start ("ProductLevelRequested" is
    /// the cases waiting for a product-level CMRT and those reminded of it). Empty for a name the machine does not know.
    /// </summary>
    public IReadOnlyList<CaseStage> StagesWithin(string name) =>
        Stages.Where(d => d.State is not null && Lineage(d.Stage).Any(s => string.Equals(s.Name, name, StringComparison.Ordinal)))
            .Select(d => d.Stage).ToList();

    /// <summary>"Invalid (AwaitingCorrection)" for a sub-stage, "Responded" for a visible state.</summary>
    public string Describe(CaseStage stage) => this[stage].State is { } state && state.ToString() != stage.Name
        ? $"{state} ({stage})" : stage.Name;

    /// <summary>A variant with <paramref name="stage"/> replacing the declaration of the same stage, or inserted after <paramref name="after"/>.</summary>
    public CaseMachine With(StageDeclaration stage, CaseStage? after = null)
    {
        var list = Stages.ToList();
        var existing = list.FindIndex(d => d.Stage == stage.Stage);
        if (existing >= 0) list[existing] = stage;
        else list.Insert(after is { } a ? list.FindIndex(d => d.Stage == a) + 1 : list.Count, stage);
        return new CaseMachine(list);
    }

    /// <summary>The supplier due-diligence workflow of the seed report.</summary>
    public static CaseMachine Default { get; } = new(
    [
        // Opening a case surveys the supplier.
        new(NotLaunched, null)
        {
            Transitions = (s, _) => s.Permit(CaseTrigger.Launched, Surveyed),
        },

        // Surveyed: waiting for a first answer; reminders climb through the sub-states.
        new(Surveyed, CaseState.Surveyed)
        {
            InitialSubStage = AwaitingResponse,
            Transitions = (s, _) => s
                .Permit(CaseTrigger.CmrtAccepted, Responded)
                .Permit(CaseTrigger.RejectedAsInvalid, Invalid)
                .Permit(CaseTrigger.RedFlagFound, Escalated)
                .Permit(CaseTrigger.ProductLevelCmrtRequested, ProductLevelRequested),
        },
        new(AwaitingResponse, CaseState.Surveyed)
        {
            Parent = Surveyed,
            OnEntry = new("survey") { OnlyVia = [CaseTrigger.Launched] },
            Timer = new(CaseTrigger.ReminderDue, "no CMRT received within {duration} of the survey") { GoesTo = Reminded },
            Transitions = (s, _) => s.Permit(CaseTrigger.SecondRequestDue, SecondRequestSent),
        },
        new(Reminded, CaseState.Surveyed)
        {
            Parent = Surveyed,
            OnEntry = new("reminder"),
            Timer = new(CaseTrigger.SecondRequestDue, "no CMRT received within {duration} of the reminder") { GoesTo = SecondRequestSent },
        },
        new(SecondRequestSent, CaseState.Surveyed)
        {
            Parent = Surveyed,
            OnEntry = new("second-request"),
            Timer = new(CaseTrigger.EscalatedToManagement, "no response within {duration} of the second request")
                { GoesTo = Escalated, Deadline = PolicyDeadline.Escalation },
        },

        // Responded: a valid declaration is on file; a newer submission can still change that.
        new(Responded, CaseState.Responded)
        {
            Transitions = (s, _) => s
                .PermitReentry(CaseTrigger.CmrtAccepted)
                .Permit(CaseTrigger.RejectedAsInvalid, Invalid)
                .Permit(CaseTrigger.RedFlagFound, Escalated)
                .Permit(CaseTrigger.ProductLevelCmrtRequested, ProductLevelRequested),
        },

        // ProductLevelRequested: the company-level CMRT named smelters of concern (the seed's escalation plan). The
        // supplier is asked for a product-level CMRT covering the parts we buy from it before management sees the case;
        // the visible state stays Responded (a valid declaration is on file). A product-level CMRT without those
        // smelters resolves it, one still naming them escalates, silence escalates when the window closes.
        new(ProductLevelRequested, CaseState.Responded)
        {
            InitialSubStage = AwaitingProductLevelCmrt,
            OnEntry = new("product-level-request") { OnlyVia = [CaseTrigger.ProductLevelCmrtRequested], ListsPartsAndConcerns = true },
            Transitions = (s, _) => s
                .Permit(CaseTrigger.CmrtAccepted, Responded)
                .Permit(CaseTrigger.RejectedAsInvalid, Invalid)
                .Permit(CaseTrigger.RedFlagFound, Escalated)
                .InternalTransitionIf(CaseTrigger.ProductLevelCmrtRequested, _ => true, _ => { }, "recorded; the product-level CMRT is still awaited")
                .Permit(CaseTrigger.EscalatedToManagement, Escalated),
        },
        new(AwaitingProductLevelCmrt, CaseState.Responded)
        {
            Parent = ProductLevelRequested,
            Timer = new(CaseTrigger.ReminderDue, "no product-level CMRT within {duration} of the request") { GoesTo = ProductLevelReminded },
        },
        new(ProductLevelReminded, CaseState.Responded)
        {
            Parent = ProductLevelRequested,
            OnEntry = new("product-level-reminder") { ListsPartsAndConcerns = true },
            // The window is the request's: the reminder does not extend it. Escalation is permitted by the superstate.
            Timer = new(CaseTrigger.EscalatedToManagement, "product-level CMRT window of {duration} closed without a product-level CMRT")
                { Key = nameof(ProductLevelRequested), CountsFromParent = true },
        },

        // Invalid: a correction was requested. Another invalid file keeps the clock running rather than
        // restarting it, so a supplier cannot dodge escalation by re-sending bad files; it gets its own request.
        new(Invalid, CaseState.Invalid)
        {
            InitialSubStage = AwaitingCorrection,
            OnEntry = new("correction-request") { OnlyVia = [CaseTrigger.RejectedAsInvalid], AgainWhileInside = true, QuotesFindings = true },
            Transitions = (s, _) => s
                .Permit(CaseTrigger.Corrected, CaseStage.Corrected)
                .InternalTransitionIf(CaseTrigger.RejectedAsInvalid, _ => true, _ => { }, "clock keeps running")
                .Permit(CaseTrigger.RedFlagFound, Escalated)
                .Permit(CaseTrigger.ProductLevelCmrtRequested, ProductLevelRequested)
                .Permit(CaseTrigger.EscalatedToManagement, Escalated),
        },
        new(AwaitingCorrection, CaseState.Invalid)
        {
            Parent = Invalid,
            Timer = new(CaseTrigger.ReminderDue, "no corrected CMRT within {duration} of the correction request") { GoesTo = CorrectionReminded },
        },
        new(CorrectionReminded, CaseState.Invalid)
        {
            Parent = Invalid,
            OnEntry = new("correction-reminder") { QuotesFindings = true },
            // The window is Invalid's: the reminder does not extend it. Escalation is permitted by Invalid itself.
            Timer = new(CaseTrigger.EscalatedToManagement, "correction window of {duration} closed without a valid CMRT")
                { Key = nameof(Invalid), CountsFromParent = true, Deadline = PolicyDeadline.Escalation },
        },

        // Corrected: a once-invalid response was fixed and accepted.
        new(CaseStage.Corrected, CaseState.Corrected)
        {
            Transitions = (s, _) => s
                .PermitReentry(CaseTrigger.CmrtAccepted)
                .Permit(CaseTrigger.RejectedAsInvalid, Invalid)
                .Permit(CaseTrigger.RedFlagFound, Escalated)
                .Permit(CaseTrigger.ProductLevelCmrtRequested, ProductLevelRequested),
        },

        // Escalated: management owns the case until it decides. New files are recorded but do not
        // take the case away from management, except a valid one that resolves it.
        new(Escalated, CaseState.Escalated)
        {
            InitialSubStage = EscalationOpen,
            OnEntry = new("escalation") { ToManagement = true },
            Transitions = (s, facts) => s
                .Permit(CaseTrigger.CmrtAccepted, Responded)
                .InternalTransitionIf(CaseTrigger.RejectedAsInvalid, _ => true, _ => { }, "recorded; management decides")
                .InternalTransitionIf(CaseTrigger.RedFlagFound, _ => true, _ => { }, "recorded; management decides")
                .InternalTransitionIf(CaseTrigger.ProductLevelCmrtRequested, _ => true, _ => { }, "recorded; management decides")
                .PermitIf(CaseTrigger.ExtensionGranted, ProductLevelRequested, () => facts().EscalatedFromProductLevel, "escalated from the product-level request")
                .PermitIf(CaseTrigger.ExtensionGranted, Invalid, () => !facts().EscalatedFromProductLevel && facts().LastSubmissionInvalid, "last submission invalid")
                .PermitIf(CaseTrigger.ExtensionGranted, Surveyed, () => !facts().EscalatedFromProductLevel && !facts().LastSubmissionInvalid, "no valid submission yet")
                .Permit(CaseTrigger.RiskAccepted, Responded)
                .Permit(CaseTrigger.TerminationApproved, Terminated),
        },
        new(EscalationOpen, CaseState.Escalated)
        {
            Parent = Escalated,
            Timer = new(CaseTrigger.TerminationRecommended, "escalation unresolved for {duration}")
                { GoesTo = CaseStage.TerminationRecommended, Deadline = PolicyDeadline.TerminationRecommendation },
        },
        new(CaseStage.TerminationRecommended, CaseState.Escalated)
        {
            Parent = Escalated,
            OnEntry = new("termination-recommended") { ToManagement = true },
        },

        // Terminated is final: the relationship ended; every trigger is refused.
        new(Terminated, CaseState.Terminated),
    ]);
}
