using Workflow.Api.Pages.Layout;
using Workflow.Application.Campaigns;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;

namespace Workflow.Api.Pages.Rules;

/// <summary>An active policy as its file says it, and the campaigns pinned to it.</summary>
public sealed record ActivePolicy(string Version, string? Extends, string? Description, string Text, IReadOnlyList<string> PinnedBy, bool IsDefault);

/// <summary>The rules page: active policies, the draft being edited, the last simulation, and whether the reader may edit.</summary>
public sealed record RulesModel(IReadOnlyList<ActivePolicy> Active, IReadOnlyList<PolicyError> ReloadErrors, IReadOnlyList<Campaign> Campaigns,
    IReadOnlyList<string> Versions, string Draft, Guid? Campaign, SimulationReport? Simulation, bool CanEdit, Notice? Notice);
