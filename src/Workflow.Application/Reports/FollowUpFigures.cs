namespace Workflow.Application.Reports;

/// <summary>
/// From the audit trail: cases ever escalated and management decisions (audit entries). Product-level CMRTs
/// requested are the cases the workflow sent a product-level request when it sent any; else they come from the
/// evaluations' request-product-level-cmrt decisions when the policy makes them, else they are the red-flag cases whose
/// CMRT was company-level (the seed's practice); <see cref="ProductLevelBasis"/> says which.
/// </summary>
public sealed record FollowUpFigures(int EverEscalated, int CurrentlyEscalated, int ExtensionsGranted, int RiskAccepted,
    int TerminationsRecommended, int TerminationsApproved, int ProductLevelCmrtsRequested, string ProductLevelBasis);
