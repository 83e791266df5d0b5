using Workflow.Cmrt.Reference;

namespace Workflow.Application.Reevaluation;

/// <summary>The versions a re-evaluation uses, resolved from a request: the list by version (default: the newest
/// import), the policy by version (default: the campaign's pin).</summary>
public sealed record ReevaluationVersions(SmelterReferenceList ReferenceList, string PolicyVersion, string PinnedPolicyVersion);

/// <summary>A request naming a reference list or policy version that does not exist or is not active (HTTP 400).</summary>
public sealed class ReevaluationRequestException(string message) : Exception(message);
