using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;
using Workflow.Application.FollowUp;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Pages;
using Workflow.StateMachines;

namespace Workflow.IntegrationTests.FollowUp;

/// <summary>
/// The recipe of workflows/README.md, end to end: a ThirdRequestSent stage declared in a test configuration of the case
/// machine, a follow-up definition with its duration and a template for its message, and no other code. Its timer
/// fires through the sweep, its message is queued and sent from its template, and the workflow page draws it.
/// </summary>
public class AddedStageTests
{
    private static readonly CaseStage ThirdRequestSent = new("ThirdRequestSent");

    private static CaseMachine WithThirdRequest()
    {
        var machine = CaseMachine.Default.With(new StageDeclaration(ThirdRequestSent, CaseState.Surveyed)
        {
            Parent = CaseStage.Surveyed,
            OnEntry = new StageMessage("third-request"),
            Timer = new StageTimer(CaseTrigger.EscalatedToManagement, "no response within {duration} of the third request")
                { GoesTo = CaseStage.Escalated, Deadline = PolicyDeadline.Escalation },
        }, after: CaseStage.SecondRequestSent);
        return machine.With(machine[CaseStage.SecondRequestSent] with
        {
            Timer = new StageTimer(new CaseTrigger("ThirdRequestDue"), "no response within {duration} of the second request")
                { GoesTo = ThirdRequestSent },
        });
    }

    [Fact]
    public async Task ThirdRequestStage_FromATestConfiguration_FiresItsTimerAndSendsItsTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-added-stage-").FullName;
        var definition = Path.Combine(folder, "follow-up.json");
        File.WriteAllText(definition, """
            { "version": "third-request", "timers": { "AwaitingResponse": "P14D", "Reminded": "P14D", "SecondRequestSent": "P7D",
              "ThirdRequestSent": "P5D", "AwaitingCorrection": "P10D", "Invalid": "P21D", "AwaitingProductLevelCmrt": "P14D", "ProductLevelRequested": "P28D", "EscalationOpen": "P30D" } }
            """);
        // The repository's templates plus the new one: a copy of workflows/ as a deployment would carry it.
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        foreach (var file in Directory.GetFiles(Path.Combine(Workflow.Application.Configuration.RepositoryPaths.Root!, "workflows", "templates")))
            File.Copy(file, Path.Combine(folder, "templates", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "templates", "third-request.en.txt"), """
            Subject: Third and last request: CMRT for {{campaign}} ({{reference}})

            Dear {{contactName}},

            we asked three times. Upload your CMRT here: {{uploadLink}}
            """);
        var machine = WithThirdRequest();
        await using var sink = new SmtpSink().Start();
        var settings = FollowUpSteps.Manual();
        foreach (var (k, v) in sink.Settings()) settings[k] = v;
        settings["Workflow:FollowUpDefinition"] = definition;
        using var app = new WorkflowApp(settings: settings, services: s =>
        {
            s.AddSingleton(machine);
            s.AddSingleton(new MessageTemplates(folder, machine));
        });
        var sweep = app.Service<FollowUpSweep>();

        var c = (await app.LaunchAsync(1, "third"))[0];
        foreach (var days in new[] { 14, 14, 7 })
        {
            app.Clock.Advance(TimeSpan.FromDays(days));
            await sweep.RunAsync(CancellationToken.None);
        }
        Assert.Equal("ThirdRequestSent", (await app.CaseAsync(c)).Stage);
        app.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal("ThirdRequestSent", (await app.CaseAsync(c)).Stage);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await sweep.RunAsync(CancellationToken.None);

        Assert.Equal("EscalationOpen", (await app.CaseAsync(c)).Stage);
        Assert.Equal(["survey", "reminder", "second-request", "third-request", "escalation"], await app.OutboxKindsAsync(c));
        var history = await app.HistoryAsync(c);
        var third = Assert.Single(history, h => h.GetProperty("trigger").GetString() == "ThirdRequestDue");
        Assert.Equal("no response within 7 days of the second request", third.GetProperty("reason").GetString());
        Assert.Equal("follow-up:SecondRequestSent", third.GetProperty("rule").GetString());

        var dispatcher = app.Service<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0) { }
        var mail = Assert.Single(await sink.WaitForAsync(m => m.Any(x => x.Headers["X-Workflow-Kind"] == "third-request")),
            m => m.Headers["X-Workflow-Kind"] == "third-request");
        Assert.StartsWith("Third and last request: CMRT for", mail.Subject);
        Assert.Contains("/supplier/", mail.TextBody);
        Assert.Equal("third1@supplier.test", mail.To.Mailboxes.Single().Address);

        var page = await (await PageClient.SignedInAsync(app, Workflow.Domain.Security.Roles.Auditor)).GetHtmlAsync("/workflow");
        Assert.Contains("ThirdRequestSent", page);
        Assert.Contains("no response within 5 days of the third request", page);
    }
}
