namespace Workflow.Rules.Facts;

/// <summary>The evaluation date. Rules read this, never the clock, so a re-run gives the same answer.</summary>
public sealed record AsOf(DateOnly Date);
