namespace Workflow.Api.Pages.Escalations;

/// <summary>What became of a bulk decision: each case's outcome by name, or why nothing was recorded.</summary>
public sealed record DecisionsRecordedModel(string? Error, string? Reason, IReadOnlyList<(DecisionOutcome Outcome, string Name)> Outcomes, string ReturnQuery);
