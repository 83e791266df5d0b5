using Workflow.Api.Pages.Layout;
using Workflow.Application.Campaigns;
using Workflow.Application.Policies;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;

namespace Workflow.Api.Pages.Rules;

/// <summary>A stored policy version as written, and the campaigns pinned to it.</summary>
public sealed record StoredPolicy(PolicyRecord Record, string? Description, IReadOnlyList<string> PinnedBy, bool IsDefault);

/// <summary>The rules page: active versions, drafts, the draft being edited, the last simulation, and whether the reader may edit.</summary>
public sealed record RulesModel(IReadOnlyList<StoredPolicy> Active, IReadOnlyList<StoredPolicy> Drafts, IReadOnlyList<PolicyError> ReloadErrors,
    IReadOnlyList<Campaign> Campaigns,
    IReadOnlyList<string> Versions, string Draft, Guid? Campaign, SimulationReport? Simulation, bool CanEdit, Notice? Notice,
    PolicyFormModel Form);
