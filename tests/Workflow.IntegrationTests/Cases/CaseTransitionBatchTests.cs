using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.Cases;

/// <summary>One transition path for every change, decided in memory and written a batch at a time.</summary>
public class CaseTransitionBatchTests : IClassFixture<CaseTransitionBatchTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: FollowUpSteps.Manual());
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;

    public CaseTransitionBatchTests(App app) => _app = app.Workflow;

    private static readonly TransitionCause Flag = new("system", "smelter in a covered country");

    [Fact]
    public async Task Batch_AppliesWhatTheMachineAllows_AndReportsEachOtherCase()
    {
        var c = await _app.LaunchAsync(4, "mixed");
        var transitions = _app.Service<CaseTransitions>();
        var missing = Guid.NewGuid();

        var results = await transitions.ApplyAsync(
        [
            new(c[0], CaseIntention.Submit(SubmissionOutcome.RedFlag), Flag, ExpectedVersion: 1),
            new(c[1], CaseIntention.Submit(SubmissionOutcome.RedFlag), Flag, ExpectedVersion: 7),
            new(c[2], CaseIntention.Decide(ManagementDecision.AcceptRisk), new TransitionCause("manager", "fine")),
            new(missing, CaseIntention.TimerElapsed, Flag),
            new(c[3], CaseIntention.Submit(SubmissionOutcome.RedFlag), Flag),
        ], CancellationToken.None);

        Assert.Equal([TransitionStatus.Applied, TransitionStatus.Conflict, TransitionStatus.Refused, TransitionStatus.NotFound, TransitionStatus.Applied],
            results.Select(r => r.Status));
        Assert.IsType<IllegalTransitionException>(results[2].Error);
        foreach (var applied in new[] { c[0], c[3] })
        {
            Assert.Equal(("EscalationOpen", 2), ((await _app.CaseAsync(applied)).Stage, (await _app.CaseAsync(applied)).Version));
            Assert.Equal(["Launched", "RedFlagFound"], (await _app.HistoryAsync(applied)).Select(h => h.GetProperty("trigger").GetString()));
            Assert.Equal(["survey", "escalation"], await _app.OutboxKindsAsync(applied));
        }
        foreach (var untouched in new[] { c[1], c[2] })
        {
            Assert.Equal(("AwaitingResponse", 1), ((await _app.CaseAsync(untouched)).Stage, (await _app.CaseAsync(untouched)).Version));
            Assert.Single(await _app.HistoryAsync(untouched));
            Assert.Equal(["survey"], await _app.OutboxKindsAsync(untouched));
        }
    }

    [Fact]
    public async Task RacingBatches_OverTheSameCases_EachCaseMovesOnce()
    {
        var cases = await _app.LaunchAsync(200, "race");
        var transitions = _app.Service<CaseTransitions>();
        List<TransitionRequest> Batch() => cases.Select(c => new TransitionRequest(c, CaseIntention.Submit(SubmissionOutcome.RedFlag), Flag, 1)).ToList();

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => transitions.ApplyAsync(Batch(), CancellationToken.None))));

        var applied = all.SelectMany(r => r).Where(r => r.Applied).Select(r => r.Request.CaseId).ToList();
        Assert.Equal(cases.Order(), applied.Order());
        Assert.All(all.SelectMany(r => r).Where(r => !r.Applied), r => Assert.Equal(TransitionStatus.Conflict, r.Status));
        Assert.Equal(200, await _app.ScalarAsync($"select count(*) from workflow.audit_entries a join workflow.cases c on c.id = a.case_id where a.trigger = 'RedFlagFound' and c.reference is not null and a.case_id = any(array[{string.Join(",", cases.Select(c => $"'{c}'::uuid"))}])"));
        Assert.Equal(200, await _app.ScalarAsync($"select count(*) from workflow.outbox where kind = 'escalation' and case_id = any(array[{string.Join(",", cases.Select(c => $"'{c}'::uuid"))}])"));
    }

    [Fact]
    public async Task Launch_GoesThroughTheMachine_OneWakeUpForAllItsCases()
    {
        var cases = await _app.LaunchAsync(30, "wake");

        var history = await _app.HistoryAsync(cases[0]);
        var launched = Assert.Single(history);
        Assert.Equal("Launched", launched.GetProperty("trigger").GetString());
        Assert.True(!launched.TryGetProperty("fromState", out var from) || from.ValueKind == JsonNull);
        Assert.Equal("Surveyed", launched.GetProperty("toState").GetString());
        var due = (await _app.CaseAsync(cases[0])).DueAt!.Value;
        Assert.All(cases, c => Assert.Equal(due, _app.CaseAsync(c).Result.DueAt));
        // Timers are woken per bucket of due times, not per case: one job per bucket, and this class's cases share one
        // or two buckets (launches at one instant; escalations of the other tests at another).
        var buckets = await _app.ScalarAsync("select count(*) from workflow.follow_up_wakeups");
        Assert.Equal(1, await _app.ScalarAsync($"select count(*) from workflow.follow_up_wakeups where wake_at = '{due:O}'"));
        Assert.Equal(buckets, await _app.ScalarAsync("select count(*) from hangfire.job where invocationdata::text like '%FollowUpWakeUpJob%'"));
        Assert.InRange(buckets, 1, 2);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
