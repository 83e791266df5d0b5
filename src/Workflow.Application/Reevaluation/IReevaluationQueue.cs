namespace Workflow.Application.Reevaluation;

/// <summary>Hands an applied re-evaluation to a background worker (Hangfire) so the request returns at once.</summary>
public interface IReevaluationQueue
{
    void Enqueue(Guid runId);
}
