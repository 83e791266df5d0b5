using Npgsql;

namespace Workflow.Application.Cases;

/// <summary>
/// Work that must commit or roll back together with a batch of transitions (e.g. their outbox messages). Runs inside
/// the transitions' transaction, after the case rows and audit entries are written, once per batch.
/// </summary>
public interface ITransitionParticipant
{
    Task OnTransitionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CaseTransitioned> transitions, CancellationToken ct);
}

/// <summary>Work that follows a committed batch (e.g. waking the timers). Must tolerate being skipped: a sweep catches up.</summary>
public interface ITransitionListener
{
    Task OnTransitionedAsync(IReadOnlyList<CaseTransitioned> transitions, CancellationToken ct);
}
