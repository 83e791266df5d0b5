using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;

namespace Workflow.Rules.Simulation;

/// <summary>One current submission of a campaign, as read and checked: the input of a simulation.</summary>
public sealed record SimulationCase(string CaseId, CmrtDeclaration Declaration, IReadOnlyList<Finding> CheckerFindings);
