using System.Reflection;
using Workflow.Application.Wording;
using Workflow.Cmrt.Checking;
using Workflow.Domain.Cases;
using Workflow.Rules.Policies;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.Pages;

/// <summary>Every name the code defines and a page shows has words for people; a new one without them fails here.</summary>
public class PlainWordingTests
{
    [Fact]
    public void EveryStage_TheMachineDeclares_HasWording()
    {
        var missing = CaseMachine.Default.Stages.Select(d => d.Stage.Name).Where(n => !Plain.Stages.ContainsKey(n)).ToList();

        Assert.True(missing.Count == 0, "stages without wording in Plain.Stages: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryTrigger_HasWording()
    {
        var triggers = typeof(CaseTrigger).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(CaseTrigger)).Select(f => ((CaseTrigger)f.GetValue(null)!).Name).ToList();

        Assert.NotEmpty(triggers);
        var missing = triggers.Where(n => !Plain.Triggers.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "triggers without wording in Plain.Triggers: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryFindingCode_AndCheckerRule_HasWording()
    {
        var codes = Constants(typeof(FindingCodes)).Concat(Constants(typeof(RedFlagCodes))).ToList();
        var rules = Constants(typeof(CheckerRules)).ToList();

        Assert.True(codes.Count > 40, "the finding codes are found");
        var missing = codes.Where(c => !Plain.FindingCodes.ContainsKey(c)).Concat(rules.Where(r => !Plain.CheckerRules.ContainsKey(r))).ToList();
        Assert.True(missing.Count == 0, "codes without wording: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("Smelter List!79:79", "Smelter List, row 79")]
    [InlineData("Declaration!D8", "Declaration, cell D8")]
    [InlineData("Smelter List!5:9", "Smelter List, rows 5 to 9")]
    [InlineData("Declaration!D39:G39", "Declaration, cells D39 to G39")]
    [InlineData("file", "the whole file")]
    [InlineData("Smelter List", "Smelter List")]
    public void Location_ReadsAsSheetAndRowOrCell(string location, string expected) => Assert.Equal(expected, Plain.Location(location));

    [Fact]
    public void Words_ForPeople_NotCodes()
    {
        Assert.Equal("Waiting for a management decision", Plain.Stage("EscalationOpen"));
        Assert.Equal("Product-level CMRT requested", Plain.Trigger("ProductLevelCmrtRequested"));
        Assert.Equal("The template requires this field", Plain.Rule("Checker.RequiredField"));
        Assert.Equal("Answers should agree with each other", Plain.Rule("Review.Consistency"));
        Assert.Equal("Follow-up timer: reminded, still waiting", Plain.Rule("follow-up:Reminded"));
        // Policy rules are named in sentences already and stay as they are.
        Assert.Equal("Red flag: escalate to management", Plain.Rule("Red flag: escalate to management"));
        Assert.Equal("1 supplier", Plain.Count(1, "supplier"));
        Assert.Equal("2 suppliers", Plain.Count(2, "supplier"));
        Assert.Equal("0 cases", Plain.Count(0, "case"));
    }

    [Fact]
    public void Countries_OneSpellingPerCountry()
    {
        var names = new[] { "Congo, Democratic Republic of the", "DRC", "Democratic Republic of Congo", "CD", "COD" }.Select(CountryNames.Display).Distinct().ToList();

        Assert.Equal(["Congo, The Democratic Republic of the"], names);
        Assert.Equal("Germany", CountryNames.Display("de"));
        Assert.Equal("Narnia", CountryNames.Display("Narnia"));
    }

    [Theory]
    [InlineData("RiskAccepted", "no alternative source", "Risk accepted (no alternative source)")]
    [InlineData("ExtensionGranted", "extended to 2027-01-31: supplier asked for time", "Extended to 2027-01-31")]
    [InlineData("TerminationApproved", "gone", "Termination approved")]
    public void Decision_ReadsAsTheDecision(string trigger, string reason, string expected) =>
        Assert.Equal(expected, ShownDecision.Of(trigger, reason)!.Text);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}
