namespace Workflow.Application.YearOverYear;

/// <summary>One figure this year beside last year's (null when there is no previous campaign).</summary>
public sealed record YearFigures<T>(T ThisYear, T? LastYear);
