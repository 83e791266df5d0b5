namespace Workflow.Application.Campaigns;

public sealed record Campaign(
    Guid Id,
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly ResponseDueDate,
    string PolicyVersion,
    DateTimeOffset? LaunchedAt,
    DateTimeOffset CreatedAt);
