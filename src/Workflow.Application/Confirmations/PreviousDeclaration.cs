namespace Workflow.Application.Confirmations;

/// <summary>A supplier's last valid CMRT from an earlier campaign, recent enough to be confirmed instead of sent again.</summary>
public sealed record PreviousDeclaration(Guid SubmissionId, Guid CaseId, string CampaignName, DateTimeOffset ReceivedAt, string FileName, string? TemplateVersion);
