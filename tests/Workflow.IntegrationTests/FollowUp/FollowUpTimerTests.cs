using Workflow.StateMachines;
using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using Workflow.Api.FollowUp;
using Workflow.Infrastructure.Jobs;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.Application.FollowUp;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.FollowUp;

/// <summary>Timers driven by the fake clock and by calling the jobs directly (habit 11), against the real database.</summary>
public class FollowUpTimerTests : IClassFixture<FollowUpTimerTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: FollowUpSteps.Manual());
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;

    public FollowUpTimerTests(App app) => _app = app.Workflow;

    private Task RunTimerAsync(Guid caseId, int version) => _app.Service<FollowUpTimerJob>().RunAsync(caseId, version, CancellationToken.None);
    private Task<int> SweepAsync() => _app.Service<FollowUpSweep>().RunAsync(CancellationToken.None);

    [Fact]
    public async Task TimerJob_WhenDue_FiresReminderAsSystemAndQueuesTheEmail()
    {
        var c = (await _app.LaunchAsync(1, "due"))[0];
        var launched = await _app.CaseAsync(c);
        Assert.Equal(_app.Clock.GetUtcNow() + TimeSpan.FromDays(14), launched.DueAt);

        _app.Clock.Advance(TimeSpan.FromDays(14));
        await RunTimerAsync(c, launched.Version);

        Assert.Equal("Reminded", (await _app.CaseAsync(c)).Stage);
        var last = (await _app.HistoryAsync(c))[^1];
        Assert.Equal("ReminderDue", last.GetProperty("trigger").GetString());
        Assert.Equal("system:follow-up", last.GetProperty("actor").GetString());
        Assert.Equal("no CMRT received within 14 days of the survey", last.GetProperty("reason").GetString());
        Assert.Equal("follow-up:AwaitingResponse", last.GetProperty("rule").GetString());
        Assert.StartsWith("follow-up ", last.GetProperty("policyVersion").GetString());
        Assert.Equal(["survey", "reminder"], await _app.OutboxKindsAsync(c));
    }

    [Fact]
    public async Task TimerJob_OnStaleVersion_DoesNothing()
    {
        var c = (await _app.LaunchAsync(1, "stale"))[0];
        await _app.Service<CaseTransitions>().FireAsync(c, CaseIntention.Submit(SubmissionOutcome.RedFlag), new TransitionCause("system", "smelter in a covered country"));
        _app.Clock.Advance(TimeSpan.FromDays(60));

        await RunTimerAsync(c, 1);

        var now = await _app.CaseAsync(c);
        Assert.Equal(("EscalationOpen", 2), (now.Stage, now.Version));
    }

    [Fact]
    public async Task TimerJob_BeforeDue_DoesNothing()
    {
        var c = (await _app.LaunchAsync(1, "early"))[0];
        _app.Clock.Advance(TimeSpan.FromDays(13));

        await RunTimerAsync(c, 1);

        Assert.Equal(("AwaitingResponse", 1), ((await _app.CaseAsync(c)).Stage, (await _app.CaseAsync(c)).Version));
    }

    [Fact]
    public async Task Sweep_FiresEveryMissedTimer_AndConcurrentFiringsWinOnce()
    {
        var cases = await _app.LaunchAsync(20, "sweep");
        _app.Clock.Advance(TimeSpan.FromDays(15));

        // Two instances' sweeps plus stray timer jobs for the same versions, all at once.
        var runner = _app.Service<FollowUpRunner>();
        var racing = cases.Select(c => runner.FireIfDueAsync(c, 1, CancellationToken.None)).ToList();
        var sweeps = new[] { SweepAsync(), SweepAsync() };
        var outcomes = await Task.WhenAll(racing);
        await Task.WhenAll(sweeps);

        foreach (var c in cases)
        {
            Assert.Equal("Reminded", (await _app.CaseAsync(c)).Stage);
            Assert.Single(await _app.HistoryAsync(c), h => h.GetProperty("trigger").GetString() == "ReminderDue");
            Assert.Equal(["survey", "reminder"], await _app.OutboxKindsAsync(c));
        }
        Assert.All(outcomes, o => Assert.Contains(o.Kind, new[] { TimerOutcomeKind.Fired, TimerOutcomeKind.Stale }));
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task Chase_WalksReminderSecondRequestEscalationAndTerminationRecommendation()
    {
        var c = (await _app.LaunchAsync(1, "chase"))[0];
        string[] expected = ["Reminded", "SecondRequestSent", "EscalationOpen", "TerminationRecommended"];
        TimeSpan[] waits = [TimeSpan.FromDays(14), TimeSpan.FromDays(14), TimeSpan.FromDays(14), TimeSpan.FromDays(30)];

        for (var i = 0; i < expected.Length; i++)
        {
            _app.Clock.Advance(waits[i] - TimeSpan.FromMinutes(1));
            await SweepAsync();
            Assert.NotEqual(expected[i], (await _app.CaseAsync(c)).Stage);
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
            await SweepAsync();
            Assert.Equal(expected[i], (await _app.CaseAsync(c)).Stage);
        }

        Assert.Null((await _app.CaseAsync(c)).DueAt);
        Assert.Equal(["survey", "reminder", "second-request", "escalation", "termination-recommended"], await _app.OutboxKindsAsync(c));

        // The clock says when; the campaign's policy decides what a passed deadline means, and the audit says which rule.
        var history = await _app.HistoryAsync(c);
        var escalation = Assert.Single(history, h => h.GetProperty("trigger").GetString() == "EscalatedToManagement");
        Assert.Equal("NoResponseAfterSecondRequestEscalatesRule", escalation.GetProperty("rule").GetString());
        Assert.Equal("default", escalation.GetProperty("policyVersion").GetString());
        Assert.StartsWith("no response to the second request of ", escalation.GetProperty("reason").GetString());
        var termination = Assert.Single(history, h => h.GetProperty("trigger").GetString() == "TerminationRecommended");
        Assert.Equal("UnresolvedEscalationRecommendsTerminationRule", termination.GetProperty("rule").GetString());
        Assert.Contains("still unresolved at its deadline", termination.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CorrectionWindow_ReminderThenEscalationByThePolicysRule_WhileANewInvalidFileKeepsTheClock()
    {
        var c = (await _app.LaunchAsync(1, "window"))[0];
        var invalid = TestWorkbooks.Invalid();
        var submissions = _app.Service<Workflow.Application.Submissions.SubmissionService>();
        await submissions.SubmitAsync(c, "cmrt.xlsx", null, invalid, "supplier:window1@supplier.test", "supplier-link", CancellationToken.None);
        Assert.Equal("AwaitingCorrection", (await _app.CaseAsync(c)).Stage);

        // Follow-up definition: correction reminder after 10 days, window of 21 days from the correction request.
        _app.Clock.Advance(TimeSpan.FromDays(10));
        await SweepAsync();
        Assert.Equal("CorrectionReminded", (await _app.CaseAsync(c)).Stage);
        _app.Clock.Advance(TimeSpan.FromDays(5));
        await submissions.SubmitAsync(c, "cmrt.xlsx", null, invalid, "supplier:window1@supplier.test", "supplier-link", CancellationToken.None);
        _app.Clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal("Invalid", StateOf((await _app.CaseAsync(c)).Stage));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();

        Assert.Equal("EscalationOpen", (await _app.CaseAsync(c)).Stage);
        var escalation = (await _app.HistoryAsync(c))[^1];
        Assert.Equal("OverdueCorrectionEscalatesRule", escalation.GetProperty("rule").GetString());
        Assert.Equal("default", escalation.GetProperty("policyVersion").GetString());
        Assert.Contains("the correction window closed", escalation.GetProperty("reason").GetString());
        Assert.Contains("correction-reminder", await _app.OutboxKindsAsync(c));
    }

    private static string StateOf(string stage) => CaseMachine.Default.StateOf(new CaseStage(stage)).ToString();

    [Fact]
    public async Task ManagementDecisions_ExtendMovesTheClock_AcceptRiskStopsIt()
    {
        var cases = await _app.LaunchAsync(2, "decide");
        var transitions = _app.Service<CaseTransitions>();
        foreach (var c in cases) await transitions.FireAsync(c, CaseIntention.Submit(SubmissionOutcome.RedFlag), new TransitionCause("system", "red flag"));
        var manager = _app.ClientFor(WorkflowApp.ManagerKey);
        var extendTo = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(20);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{cases[0]}/decisions",
            new { decision = "extend", reason = "supplier asked for time", extendTo })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{cases[1]}/decisions",
            new { decision = "accept-risk", reason = "sole source, monitored" })).StatusCode);

        Assert.Equal(new DateTimeOffset(extendTo.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero), (await _app.CaseAsync(cases[0])).DueAt);
        Assert.Null((await _app.CaseAsync(cases[1])).DueAt);

        _app.Clock.Advance(TimeSpan.FromDays(19));
        await SweepAsync();
        Assert.Equal("AwaitingResponse", (await _app.CaseAsync(cases[0])).Stage);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await SweepAsync();
        Assert.Equal("Reminded", (await _app.CaseAsync(cases[0])).Stage);

        _app.Clock.Advance(TimeSpan.FromDays(100));
        await SweepAsync();
        Assert.Equal("Responded", (await _app.CaseAsync(cases[1])).Stage);
    }
}
