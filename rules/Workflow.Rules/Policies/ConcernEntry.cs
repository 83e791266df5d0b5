namespace Workflow.Rules.Policies;

/// <summary>A smelter the compliance owner has a documented concern about (e.g. a credible report of conflict sourcing).</summary>
public sealed record ConcernEntry(string Cid, string Reason);
