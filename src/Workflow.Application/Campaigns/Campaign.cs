namespace Workflow.Application.Campaigns;

public sealed record Campaign(
    Guid Id,
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly ResponseDueDate,
    string PolicyVersion,
    DateTimeOffset? LaunchedAt,
    DateTimeOffset CreatedAt,
    /// <summary>SHA-256 of the pinned version's resolved form: the pin names the content, not only the name.</summary>
    string? PolicySha256 = null);
