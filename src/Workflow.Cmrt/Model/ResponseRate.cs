namespace Workflow.Cmrt.Model;

/// <summary>
/// "What share of relevant suppliers responded", normalised across versions (2.x Q4, 3.x Q5, 6.x Q6) to the lower
/// bound of the band the supplier chose, in percent: "Yes, 100%" → 100, "Greater than 90%" → 90, "No, but less than
/// 25%" → 0, "None" → 0.
/// </summary>
public readonly record struct ResponseRate(int LowerBoundPercent, bool IsComplete);
