namespace Workflow.Application.YearOverYear;

/// <summary>The declaration scope (Company, Product, UserDefined, …) last year and this year.</summary>
public sealed record ScopeChange(string From, string To);
