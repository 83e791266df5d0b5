namespace Workflow.Application.FollowUp;

public enum TimerOutcomeKind { Fired, Stale, NothingDue, NotYetDue }
