using NRules.Fluent.Dsl;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Step5Report;

/// <summary>
/// Material that may come from the covered countries, but only through conformant smelters (the seed: "all smelters
/// … that may source from the Covered Countries appear on CFSI's list of validated conflict free smelters").
/// </summary>
[Name("Metal from the covered countries through conformant smelters")]
[Tag("Step5")]
[Priority(RuleSteps.MetalOriginPriority)]
[Catalogue(5, "The metal's smelters that matter (all of them, or those in covered countries) are all conformant under the policy's audit statuses.", "Metal origin: from the covered countries through conformant smelters", Reads = ["coveredCountries", "acceptableAuditStatuses"])]
public sealed class CoveredCountriesConformantMetalRule : Rule
{
    public override void Define()
    {
        Policy policy = default!;
        MetalFact metal = default!;
        SmelterList smelters = default!;

        When()
            .Match(() => policy)
            .Match(() => metal, m => m.InScope, m => m.Answers.RecycledOrScrap.Value != Cmrt.Model.Answer.Yes)
            .Match(() => smelters)
            .Having(() => MetalSourcing.ThroughConformantSmelters(metal, smelters.ForMetal(metal.Metal), policy));
        Then()
            .Do(ctx => ctx.Insert(new MetalOrigin(metal.Metal, MetalOriginKind.CoveredCountriesConformant,
                nameof(CoveredCountriesConformantMetalRule),
                metal.Name + ": may come from the covered countries, only through conformant smelters")));
    }
}
