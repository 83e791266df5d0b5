using Stateless;
using Stateless.Graph;
using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>
/// One supplier case on a Stateless machine built from a <see cref="CaseMachine"/> declaration. Callers state
/// intentions (<see cref="Launch"/>, <see cref="Submit"/>, <see cref="TimerElapsed"/>, <see cref="Decide"/>); the
/// machine picks the trigger and says which messages the move sends.
/// </summary>
/// <remarks>
/// Stateless machines are not thread-safe; callers load, decide and save inside one transaction guarded by the
/// case's version column. One instance can decide a whole batch, one case after another (<see cref="Load"/>).
/// After changing the declaration, regenerate the committed diagram with
/// <c>dotnet run --project src/Workflow.Cli -- workflow diagram &gt; workflows/supplier-due-diligence.md</c>.
/// </remarks>
public sealed class SupplierCaseWorkflow
{
    private readonly StateMachine<CaseStage, CaseTrigger> _machine;
    private CaseStage _stage;
    private CaseFacts _facts;

    public SupplierCaseWorkflow(CaseMachine machine, CaseStage stage, CaseFacts? facts = null)
    {
        Machine = machine;
        _stage = stage;
        _facts = facts ?? CaseFacts.None;
        _machine = new StateMachine<CaseStage, CaseTrigger>(() => _stage, s => _stage = s);
        foreach (var d in machine.Stages)
        {
            var c = _machine.Configure(d.Stage);
            if (d.Parent is { } parent) c.SubstateOf(parent);
            if (d.InitialSubStage is { } initial) c.InitialTransition(initial);
            if (d.Timer is { GoesTo: { } to } timer) c.Permit(timer.Fires, to);
            d.Transitions?.Invoke(c, () => _facts);
        }
        _machine.OnUnhandledTrigger((s, trigger) => throw new IllegalTransitionException(s, trigger.Name, machine.Describe(s)));
    }

    /// <summary>A machine over the default declaration, for "what would happen" questions and tests.</summary>
    public static SupplierCaseWorkflow Detached(CaseStage stage, CaseFacts? facts = null) => new(CaseMachine.Default, stage, facts);

    public CaseMachine Machine { get; }

    public CaseStage Stage => _stage;

    public CaseState State => Machine.StateOf(_stage);

    /// <summary>Puts the machine on another case (the next of a batch) without rebuilding its configuration.</summary>
    public SupplierCaseWorkflow Load(CaseStage stage, CaseFacts facts)
    {
        _ = Machine[stage]; // refuses a stage the declaration does not know
        _stage = stage;
        _facts = facts;
        return this;
    }

    public CaseMove Launch() => Fire(CaseTrigger.Launched);

    /// <summary>A checked CMRT: an accepted file after an invalid one is a correction.</summary>
    public CaseMove Submit(SubmissionOutcome outcome) => Fire(outcome switch
    {
        SubmissionOutcome.Accepted when State == CaseState.Invalid => CaseTrigger.Corrected,
        SubmissionOutcome.Accepted => CaseTrigger.CmrtAccepted,
        SubmissionOutcome.RedFlag => CaseTrigger.RedFlagFound,
        SubmissionOutcome.ProductLevelNeeded => CaseTrigger.ProductLevelCmrtRequested,
        _ => CaseTrigger.RejectedAsInvalid,
    });

    /// <summary>The current stage's follow-up timer ran out: fires what that stage declares.</summary>
    public CaseMove TimerElapsed() => Machine[_stage].Timer is { } timer
        ? Fire(timer.Fires)
        : throw new IllegalTransitionException(_stage, "timer elapsed", Machine.Describe(_stage) + ", which runs no timer");

    public CaseMove Decide(ManagementDecision decision) => Fire(decision switch
    {
        ManagementDecision.Extend => CaseTrigger.ExtensionGranted,
        ManagementDecision.AcceptRisk => CaseTrigger.RiskAccepted,
        ManagementDecision.Terminate => CaseTrigger.TerminationApproved,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    });

    internal bool CanFire(CaseTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires a raw trigger; services state intentions instead (the tests walk every pair with it).</summary>
    internal CaseMove Fire(CaseTrigger trigger)
    {
        var from = _stage;
        _machine.Fire(trigger);
        return new CaseMove(from, _stage, trigger, MessagesFor(from, _stage, trigger));
    }

    /// <summary>Each stage entered from outside sends its message; an internal move sends only what asks to be sent again.</summary>
    private List<StageMessage> MessagesFor(CaseStage from, CaseStage to, CaseTrigger trigger)
    {
        var left = Machine.Lineage(from).ToHashSet();
        var messages = new List<StageMessage>();
        foreach (var stage in Machine.Lineage(to).Reverse())
        {
            if (Machine[stage].OnEntry is not { } message) continue;
            var via = message.OnlyVia is null || message.OnlyVia.Contains(trigger);
            var entered = !left.Contains(stage);
            if (via && (entered || (message.AgainWhileInside && message.OnlyVia is not null))) messages.Add(message);
        }
        return messages;
    }

    public static string ToMermaid(CaseMachine? machine = null)
    {
        machine ??= CaseMachine.Default;
        return MermaidGraph.Format(new SupplierCaseWorkflow(machine, machine.Start)._machine.GetInfo());
    }
}
