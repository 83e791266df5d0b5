namespace Workflow.Application.Reports;

/// <summary>A calendar day in the reports (a due date, an "effort through" date) counts whole, in UTC like every stored timestamp.</summary>
public static class UtcDay
{
    /// <summary>The instant the day is over: the next midnight UTC.</summary>
    public static DateTimeOffset End(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
