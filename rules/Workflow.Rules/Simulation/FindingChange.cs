using Workflow.Cmrt.Evaluation;

namespace Workflow.Rules.Simulation;

/// <summary>The same finding (code and location) with a different severity under the draft, e.g. warn → escalate.</summary>
public sealed record FindingChange(Finding Before, Finding After);
