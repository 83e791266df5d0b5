using Workflow.Application.Reevaluation;

namespace Workflow.Api.Pages.Reevaluation;

/// <summary>The progress page of an applied re-evaluation.</summary>
public sealed record JobProgressModel(ReevaluationRun Run, string CampaignName);
