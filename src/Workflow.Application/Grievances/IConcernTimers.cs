namespace Workflow.Application.Grievances;

/// <summary>Sets the untouched-concern timer (Hangfire in the service). Called after commit; the sweep covers a failure.</summary>
public interface IConcernTimers
{
    void Schedule(Guid concernId, int version, DateTimeOffset dueAt);
}
