using Workflow.Api.Pages.Layout;
using Workflow.Application.Campaigns;
using Workflow.Application.Reevaluation;

namespace Workflow.Api.Pages.Reevaluation;

/// <summary>The simulation page: what would change, and whether the reader may apply it.</summary>
public sealed record ReevaluationSimulationModel(Campaign Campaign, ReevaluationSimulation Simulation, bool CanApply, Notice? Notice);
