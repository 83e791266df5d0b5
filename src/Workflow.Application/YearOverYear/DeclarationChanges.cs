namespace Workflow.Application.YearOverYear;

/// <summary>What a supplier's CMRT says differently from its previous one. <see cref="ScopeChanged"/> is null when the scope is the same.</summary>
public sealed record DeclarationChanges(
    IReadOnlyList<SmelterChange> SmeltersAdded,
    IReadOnlyList<SmelterChange> SmeltersRemoved,
    IReadOnlyList<AnswerChange> AnswersChanged,
    ScopeChange? ScopeChanged);
