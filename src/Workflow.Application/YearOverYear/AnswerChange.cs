namespace Workflow.Application.YearOverYear;

/// <summary>
/// One question answered differently: <see cref="Question"/> as this year's template numbers it ("Q3", "B"),
/// <see cref="Metal"/> for the per-metal questions, and the answers as the supplier wrote them (null when blank).
/// </summary>
public sealed record AnswerChange(string Question, string? Metal, string? From, string? To);
