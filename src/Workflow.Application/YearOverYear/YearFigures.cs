using System.Text.Json.Serialization;

namespace Workflow.Application.YearOverYear;

/// <summary>One figure this year beside last year's (null when there is no previous campaign).</summary>
public sealed record YearFigures<T>(T ThisYear, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T? LastYear);
