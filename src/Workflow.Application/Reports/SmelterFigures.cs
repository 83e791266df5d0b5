namespace Workflow.Application.Reports;

/// <summary>Distinct smelters across the latest valid responses, by status.</summary>
public sealed record SmelterFigures(int Identified, int OnReferenceList, int Conformant, int Active, int NotAudited,
    int UnknownOrNotListed, int NotYetIdentifiedRows);
