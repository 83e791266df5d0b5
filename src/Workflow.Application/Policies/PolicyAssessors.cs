using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reference;
using Workflow.Application.Evaluation;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;

namespace Workflow.Application.Policies;

/// <summary>The NRules policy as the service's assessor: the campaign's pinned version from the live catalog.</summary>
public sealed class PolicyAssessors(IPolicySource catalog, PolicyRuleSet rules) : IAssessorFactory
{
    private readonly PolicyAssessorFactory _factory = new(catalog, rules);

    public IDeclarationAssessor Create(SmelterReferenceList referenceList, string policyVersion)
    {
        try
        {
            return _factory.Create(referenceList, policyVersion);
        }
        catch (KeyNotFoundException e)
        {
            throw new PolicyNotActiveException(e.Message);
        }
    }
}

/// <summary>A campaign is pinned to a version that is not (or no longer) active; the owner must re-pin or restore it.</summary>
public sealed class PolicyNotActiveException(string message) : InvalidOperationException(message);
