using Workflow.Tests.Shared;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Simulation;

public sealed class PolicySimulatorTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    private static readonly SimulationCase Clean = new("clean", DeclarationBuilder.Clean().Scope(DeclarationScope.Product)
        .Smelter(Metal.Gold, References.ConformantGold).Build(), []);

    private static readonly SimulationCase NonConformant = new("non-conformant", DeclarationBuilder.Clean().Scope(DeclarationScope.Product)
        .Smelter(Metal.Tin, References.NonConformantTin).Build(), []);

    private static readonly SimulationCase Myanmar = new("myanmar", DeclarationBuilder.Clean().Scope(DeclarationScope.Product)
        .Smelter(Metal.Tin, References.MyanmarTin).Build(), []);

    [Fact]
    public void Simulate_SamePolicy_ReportsNoChanges()
    {
        var report = PolicySimulator.Simulate(DefaultPolicy.Rules, PolicyLoader.Default, PolicyLoader.Default, References.List, [Clean, NonConformant, Myanmar], AsOf);

        Assert.Equal(3, report.CasesEvaluated);
        Assert.Empty(report.Changes);
        Assert.Equal(report.OutcomesBefore, report.OutcomesAfter);
    }

    [Fact]
    public void Simulate_EscalatingAuditStatus_ReportsSeverityAndOutcomeChangeWithReasons()
    {
        var draft = TestPolicies.Extending("redFlags:\n  smelterAuditStatusNotAcceptable: escalate", "draft");

        var report = PolicySimulator.Simulate(DefaultPolicy.Rules, PolicyLoader.Default, draft, References.List, [Clean, NonConformant], AsOf);

        var change = Assert.Single(report.Changes);
        Assert.Equal("non-conformant", change.CaseId);
        Assert.Equal((Outcome.Accepted, Outcome.RedFlag), (change.OutcomeBefore, change.OutcomeAfter));
        var severity = Assert.Single(change.SeverityChanged);
        Assert.Equal((FindingSeverity.Warning, FindingSeverity.RedFlag), (severity.Before.Severity, severity.After.Severity));
        Assert.Empty(change.Added);
        Assert.Equal([DecisionKinds.Escalate], change.DecisionsAdded);
        Assert.Contains("outcome accepted → red-flag", change.Reasons);
        Assert.Contains(change.Reasons, r => r.StartsWith("~ CMRT-RED-FLAG-SMELTER-AUDIT-STATUS at Smelter List!5:5: warning → red-flag"));
        Assert.Equal(1, report.OutcomesChanged);
        Assert.Equal("draft", report.DraftPolicyVersion);
        Assert.Equal("test-2026-01", report.ReferenceListVersion);
    }

    [Fact]
    public void Simulate_AddingACahraCountry_ReportsTheAddedFinding()
    {
        var draft = TestPolicies.Extending("cahraCountries: [Myanmar]", "draft");

        var change = Assert.Single(PolicySimulator.Simulate(DefaultPolicy.Rules, PolicyLoader.Default, draft, References.List, [Clean, Myanmar], AsOf).Changes);

        var added = Assert.Single(change.Added);
        Assert.Equal(RedFlagCodes.SmelterInCahra, added.Code);
        Assert.Contains(change.Reasons, r => r.StartsWith("+ CMRT-RED-FLAG-CAHRA-SMELTER at Smelter List!5:5 (red-flag)"));
    }

    [Fact]
    public void Simulate_IgnoringAFlag_ReportsTheRemovedFinding()
    {
        var draft = TestPolicies.Extending("redFlags:\n  smelterAuditStatusNotAcceptable: ignore", "draft");

        var change = Assert.Single(PolicySimulator.Simulate(DefaultPolicy.Rules, PolicyLoader.Default, draft, References.List, [NonConformant], AsOf).Changes);

        Assert.Equal(RedFlagCodes.SmelterAuditStatusNotAcceptable, Assert.Single(change.Removed).Code);
        Assert.False(change.OutcomeChanged);
    }

    [Fact]
    public void Simulate_StricterCoveredList_ReportsDeterminationChange()
    {
        // Dropping Rwanda from the covered countries turns a "through conformant smelters" tin into "not from covered".
        var declaration = DeclarationBuilder.Clean().Scope(DeclarationScope.Product).OnlyInScope(Metal.Tin)
            .Smelter(Metal.Tin, References.RwandaTin).Build();
        var draft = TestPolicies.Extending("coveredCountries: [DRC, Angola, Burundi, CAR, Republic of the Congo, South Sudan, Tanzania, Uganda, Zambia]", "draft");

        var change = Assert.Single(PolicySimulator.Simulate(DefaultPolicy.Rules, PolicyLoader.Default, draft, References.List, [new SimulationCase("rw", declaration, [])], AsOf).Changes);

        Assert.Equal((Determination.CoveredCountriesConformant, Determination.NotFromCoveredCountries), (change.DeterminationBefore, change.DeterminationAfter));
        Assert.Contains(change.Reasons, r => r.StartsWith("determination covered-countries-conformant → not-from-covered-countries"));
        Assert.Equal(RedFlagCodes.SmelterInCoveredCountry, Assert.Single(change.Removed).Code);
    }
}
