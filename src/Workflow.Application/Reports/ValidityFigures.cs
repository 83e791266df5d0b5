namespace Workflow.Application.Reports;

/// <summary>
/// By each case's latest submission: valid (accepted or red flag) or invalid (invalid or unreadable);
/// still invalid after a correction request (a RejectedAsInvalid entry and no later valid file);
/// corrected (an invalid file followed by a valid one).
/// </summary>
public sealed record ValidityFigures(int Valid, int Invalid, int StillInvalidAfterCorrectionRequest, int Corrected, int SubmissionsReceived);
