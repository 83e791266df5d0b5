namespace Workflow.Application.Cases;

/// <summary>Someone else changed the case between our read and our write; the caller retries or reports 409.</summary>
public sealed class ConcurrencyConflictException(Guid caseId, int expectedVersion)
    : Exception($"Case {caseId} was changed by someone else (expected version {expectedVersion}); reload and try again.")
{
    public Guid CaseId { get; } = caseId;
}
