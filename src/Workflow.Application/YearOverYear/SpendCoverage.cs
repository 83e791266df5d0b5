namespace Workflow.Application.YearOverYear;

/// <summary>
/// The spend of the campaign's in-scope suppliers that has a valid CMRT behind it. Suppliers without a spend figure
/// count for nothing; <see cref="Percent"/> is null when no in-scope supplier has one.
/// </summary>
public sealed record SpendCoverage(double? Percent, decimal CoveredSpend, decimal TotalSpend);
