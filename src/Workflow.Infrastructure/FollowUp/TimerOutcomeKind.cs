namespace Workflow.Infrastructure.FollowUp;

public enum TimerOutcomeKind { Fired, Stale, NothingDue, NotYetDue }
