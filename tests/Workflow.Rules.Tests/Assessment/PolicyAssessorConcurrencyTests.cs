using Workflow.Tests.Shared;
using Workflow.Cmrt.Model;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Assessment;

public sealed class PolicyAssessorConcurrencyTests
{
    [Fact]
    public void Assess_InParallel_SameResultsAsOneByOne()
    {
        var cids = new[] { References.ConformantGold, References.ActiveTin, References.NonConformantTin, References.RwandaTin, References.DrcGold, References.UnknownCid };
        var declarations = Enumerable.Range(0, 200).Select(i =>
        {
            var b = DeclarationBuilder.Clean().Scope(i % 3 == 0 ? DeclarationScope.Product : DeclarationScope.Company);
            for (var r = 0; r < 1 + i % 7; r++)
            {
                var cid = cids[(i + r) % cids.Length];
                b.Smelter(References.List.ByCid(cid)?.Metal ?? Metal.Gold, cid);
            }
            if (i % 5 == 0) b.CoveredCountrySourcing(Metal.Tin, "Unknown");
            return b.Build();
        }).ToList();
        var assessor = new PolicyAssessor(DefaultPolicy.Rules, PolicyLoader.Default, References.List);
        var asOf = new DateOnly(2026, 3, 31);

        var sequential = declarations.Select(d => assessor.Assess(d, [], asOf)).ToList();
        var parallel = new Cmrt.Evaluation.DeclarationEvaluation[declarations.Count];
        Parallel.For(0, declarations.Count, i => parallel[i] = assessor.Assess(declarations[i], [], asOf));

        for (var i = 0; i < declarations.Count; i++)
        {
            Assert.Equal(sequential[i].Outcome, parallel[i].Outcome);
            Assert.Equal(sequential[i].Findings, parallel[i].Findings);
            Assert.Equal(sequential[i].Decisions, parallel[i].Decisions);
            Assert.Equal(sequential[i].Determination, parallel[i].Determination);
            Assert.Equal(sequential[i].Smelters, parallel[i].Smelters);
        }
    }
}
