using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.FollowUp;

/// <summary>The Hangfire server itself runs the timers: Workflow:TimeScale shrinks 14 days to 2 seconds.</summary>
[Collection(TimingSensitive.Name)]
public class FollowUpHangfireTests
{
    [Fact]
    public async Task LaunchAndReminderWakeUps_RunOnHangfire_WithTimeScale()
    {
        // 14 days / 604800 = 2 s; the fake clock is moved past each due time, Hangfire waits the real 2 s.
        using var app = new WorkflowApp(settings: new Dictionary<string, string?>
        {
            ["Workflow:TimeScale"] = "604800",
            ["Email:DispatcherEnabled"] = "false",
        });
        var c = (await app.LaunchAsync(1, "hangfire"))[0];
        app.Clock.Advance(TimeSpan.FromSeconds(3));

        await FollowUpSteps.WaitUntilAsync(async () => (await app.CaseAsync(c)).Stage == "Reminded", TimeSpan.FromSeconds(90), "the launch's wake-up job", () => JobsAsync(app));
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        await FollowUpSteps.WaitUntilAsync(async () => (await app.CaseAsync(c)).Stage == "SecondRequestSent", TimeSpan.FromSeconds(90), "the wake-up of the reminder's bucket", () => JobsAsync(app));

        var history = await app.HistoryAsync(c);
        Assert.Equal(["Launched", "ReminderDue", "SecondRequestDue"], history.Select(h => h.GetProperty("trigger").GetString()));
        Assert.All(history.Skip(1), h => Assert.Equal("system:follow-up", h.GetProperty("actor").GetString()));
    }

    private static async Task<string> JobsAsync(WorkflowApp app)
    {
        var sb = new System.Text.StringBuilder();
        await using var cmd = app.Service<Npgsql.NpgsqlDataSource>().CreateCommand(
            "select j.id, j.statename, j.invocationdata::text, s.data::text from hangfire.job j left join hangfire.state s on s.id = j.stateid order by j.id");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) sb.AppendLine($"job {r.GetValue(0)} {r.GetValue(1)} {r.GetValue(2)} {r.GetValue(3)}");
        return sb.ToString();
    }
}
