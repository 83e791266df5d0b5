using Stateless;
using Workflow.Domain.Grievances;

namespace Workflow.StateMachines.Grievances;

/// <summary>
/// One concern on a Stateless machine: received → under-review → investigating → resolved / dismissed. A person of ours
/// moves it (with a reason); a closed concern can be reopened for review when new information arrives. Replies, links
/// and the untouched-concern escalation do not change the state; they are audited beside it.
/// </summary>
/// <remarks>Not thread-safe; callers load, decide and save inside one transaction guarded by the concern's version.</remarks>
public sealed class ConcernWorkflow
{
    private readonly StateMachine<ConcernState, ConcernState> _machine;
    private ConcernState _state;

    /// <summary>Where a person may move a concern from each state; the machine is configured from this.</summary>
    private static readonly IReadOnlyDictionary<ConcernState, ConcernState[]> Moves = new Dictionary<ConcernState, ConcernState[]>
    {
        [ConcernState.Received] = [ConcernState.UnderReview, ConcernState.Investigating, ConcernState.Dismissed],
        [ConcernState.UnderReview] = [ConcernState.Investigating, ConcernState.Resolved, ConcernState.Dismissed],
        [ConcernState.Investigating] = [ConcernState.Resolved, ConcernState.Dismissed],
        // New information can reopen a closed concern; it goes back to review, not straight to a verdict.
        [ConcernState.Resolved] = [ConcernState.UnderReview],
        [ConcernState.Dismissed] = [ConcernState.UnderReview],
    };

    public ConcernWorkflow(ConcernState state)
    {
        _state = state;
        // The trigger is the state asked for: people say "move it to investigating", not "fire StartInvestigation".
        _machine = new StateMachine<ConcernState, ConcernState>(() => _state, s => _state = s);
        foreach (var (from, targets) in Moves)
        {
            var c = _machine.Configure(from);
            foreach (var to in targets) c.Permit(to, to);
        }
        _machine.OnUnhandledTrigger((from, to) => throw new IllegalConcernTransitionException(from, to, Next(from)));
    }

    public ConcernState State => _state;

    /// <summary>The states a person may move a concern in <paramref name="state"/> to.</summary>
    public static IReadOnlyList<ConcernState> Next(ConcernState state) => Moves.TryGetValue(state, out var next) ? next : [];

    /// <summary>Moves the concern; throws <see cref="IllegalConcernTransitionException"/> when the machine does not allow it.</summary>
    public ConcernState MoveTo(ConcernState to)
    {
        _machine.Fire(to);
        return _state;
    }
}

public sealed class IllegalConcernTransitionException(ConcernState from, ConcernState to, IReadOnlyList<ConcernState> allowed)
    : InvalidOperationException(allowed.Count == 0
        ? $"A {from.ToWire()} concern cannot move to {to.ToWire()}."
        : $"A {from.ToWire()} concern cannot move to {to.ToWire()}; it can move to {string.Join(", ", allowed.Select(a => a.ToWire()))}.")
{
    public ConcernState From { get; } = from;
    public ConcernState To { get; } = to;
}
