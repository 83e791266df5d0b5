using Workflow.Application.FollowUp;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.FollowUp;

/// <summary>follow-up.json is checked against the case machine at start: every waiting stage timed, nothing else.</summary>
public class FollowUpDefinitionTests
{
    private const string Complete = """
        "AwaitingResponse": "P14D", "Reminded": "P14D", "SecondRequestSent": "P14D",
        "AwaitingCorrection": "P10D", "Invalid": "P21D", "AwaitingProductLevelCmrt": "P14D", "ProductLevelRequested": "P28D", "EscalationOpen": "P30D"
        """;

    private static FollowUpDefinition Parse(string timers, double scale = 1) =>
        FollowUpDefinition.Parse($$"""{ "version": "t", "timers": { {{timers}} } }""", scale, "test.json", CaseMachine.Default);

    [Fact]
    public void Parse_EveryWaitingStage_ScaledAndCountedAsTheMachineSays()
    {
        var clock = new FollowUpClock(CaseMachine.Default, Parse(Complete, scale: 2));

        Assert.Equal(TimeSpan.FromDays(7), clock.Duration(Domain.Cases.CaseStage.AwaitingResponse));
        // What is left of Invalid's window after the correction reminder's ten days.
        Assert.Equal(TimeSpan.FromDays(5.5), clock.Duration(Domain.Cases.CaseStage.CorrectionReminded));
        Assert.Null(clock.Duration(Domain.Cases.CaseStage.Responded));
        Assert.Equal("correction window of 21 days closed without a valid CMRT", clock.ReasonFor(Domain.Cases.CaseStage.CorrectionReminded));
    }

    [Theory]
    [InlineData("\"Reminded\": \"P14D\", \"SecondRequestSent\": \"P14D\", \"AwaitingCorrection\": \"P10D\", \"Invalid\": \"P21D\", \"AwaitingProductLevelCmrt\": \"P14D\", \"ProductLevelRequested\": \"P28D\", \"EscalationOpen\": \"P30D\"",
        "'AwaitingResponse' is missing")]
    [InlineData(Complete + ", \"Responded\": \"P1D\"", "'Responded' names no waiting stage")]
    [InlineData("\"AwaitingResponse\": \"14 days\", \"Reminded\": \"P14D\"", "not an ISO 8601 duration")]
    [InlineData("\"AwaitingResponse\": \"P14D\", \"Reminded\": \"P14D\", \"SecondRequestSent\": \"P14D\", \"AwaitingCorrection\": \"P21D\", \"Invalid\": \"P21D\", \"AwaitingProductLevelCmrt\": \"P14D\", \"ProductLevelRequested\": \"P28D\", \"EscalationOpen\": \"P30D\"",
        "longer than the timers before CorrectionReminded")]
    public void Parse_ABrokenDefinition_IsRefusedWithWhatIsWrong(string timers, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Parse(timers));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_TheFormatBeforeStagesWereData_SaysWhereEachDurationWent()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FollowUpDefinition.Parse(
            """{ "version": "old", "reminderAfter": "P14D", "correctionWindow": "P21D" }""", 1, "old.json", CaseMachine.Default));

        Assert.Contains("correctionWindow → Invalid", error.Message);
    }
}
