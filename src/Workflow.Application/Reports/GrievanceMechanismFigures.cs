namespace Workflow.Application.Reports;

/// <summary>
/// The grievance mechanism's activity in the campaign's reporting year, for the report and the Conflict Minerals
/// Report's "Grievance mechanism" section: concerns received in the period, how they stand, and the distinct smelters a
/// concern was substantiated against. Counts only: nothing about a reporter or a concern's content.
/// </summary>
public sealed record GrievanceMechanismFigures(int ConcernsReceived, int Resolved, int Dismissed, int Open, int SubstantiatedSmelters);
