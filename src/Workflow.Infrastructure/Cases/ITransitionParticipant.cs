using Npgsql;

namespace Workflow.Infrastructure.Cases;

/// <summary>
/// Work that must commit or roll back together with a transition (e.g. an outbox message). Runs inside the
/// transition's transaction, after the case row and audit entry are written.
/// </summary>
public interface ITransitionParticipant
{
    Task OnTransitionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CaseTransitioned transition, CancellationToken ct);
}

/// <summary>Work that follows a committed transition (e.g. scheduling a timer). Must tolerate being skipped: a sweep catches up.</summary>
public interface ITransitionListener
{
    Task OnTransitionedAsync(CaseTransitioned transition, CancellationToken ct);
}
