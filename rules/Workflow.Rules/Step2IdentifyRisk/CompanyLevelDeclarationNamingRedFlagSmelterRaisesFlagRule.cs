using NRules.Fluent.Dsl;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step2IdentifyRisk;

/// <summary>
/// Scope risk (the seed's main finding): a company-level or user-defined declaration names a red-flag smelter, and
/// we cannot tell whether that smelter is in the parts we buy.
/// </summary>
[Name("Company-level declaration names a red-flag smelter")]
[Tag("Step2"), Tag("ScopeRisk")]
[Priority(RuleSteps.ScopeRiskPriority)]
[Catalogue(2, "A company-, division- or category-level declaration names a smelter that raised an escalating red flag, so it is unclear whether our products are affected.", "Flag at the declaration scope (Declaration!D9)", Reads = ["redFlags.companyLevelDeclarationNamesRedFlagSmelter"], Flag = RedFlags.CompanyLevelDeclarationNamesRedFlagSmelter)]
public sealed class CompanyLevelDeclarationNamingRedFlagSmelterRaisesFlagRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        DeclarationFact declaration = default!;
        IEnumerable<Finding> flagged = default!;

        When()
            .Match(() => policy, p => p.Raises(RedFlags.CompanyLevelDeclarationNamesRedFlagSmelter))
            .Match(() => declaration, d => d.CoversMoreThanOurProducts)
            .Query(() => flagged, q => q
                .Match<Finding>(f => RuleOutput.IsEscalatingSmelterFinding(f))
                .Collect()
                .Where(c => c.Any()));
        Then()
            .Do(ctx => ctx.Insert(Flag(policy, declaration, flagged)));
    }

    private static Finding Flag(Policy policy, DeclarationFact d, IEnumerable<Finding> flagged)
    {
        var smelters = RuleOutput.Few(flagged.Select(f => f.Cid ?? f.Location));
        return RuleOutput.Flag(policy, RedFlags.CompanyLevelDeclarationNamesRedFlagSmelter,
            nameof(CompanyLevelDeclarationNamingRedFlagSmelterRaisesFlagRule), RuleSteps.IdentifyRisk, d.ScopeLocation,
            $"Your {d.ScopeName} declaration names smelters of concern ({smelters}); a product-level CMRT for the products you supply to us will show whether they are in our supply chain.",
            $"a {d.ScopeName} declaration names red-flag smelters ({smelters}), so we cannot tell whether they are in our parts");
    }
}
