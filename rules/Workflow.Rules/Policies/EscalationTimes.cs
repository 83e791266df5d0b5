namespace Workflow.Rules.Policies;

/// <summary>Step 3 timing, in days from the event to the as-of date the workflow passes in.</summary>
public sealed record EscalationTimes(int NoResponseAfterSecondRequestDays, int CorrectionDueDays, int TerminationAfterEscalationDays);
