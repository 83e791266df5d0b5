namespace Workflow.Application.Reports;

/// <summary>Declaration scopes of the latest valid responses.</summary>
public sealed record ScopeFigures(int Company, int Product, int UserDefined, int Other, bool MostCompanyLevel);
