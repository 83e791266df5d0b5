using Workflow.Infrastructure.Submissions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Api.Extensions;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Database;
using Workflow.Infrastructure.Database.Embedded;
using Workflow.Infrastructure.Email;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.Infrastructure.FollowUp;
using Workflow.Infrastructure.SupplierLinks;
using Workflow.StateMachines;

namespace Workflow.Api.FollowUp;

public static class FollowUpExtensions
{
    /// <summary>Follow-up timers, the e-mail outbox and its dispatcher, supplier links and the IMAP intake.</summary>
    public static IServiceCollection AddWorkflowFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddOptions<SupplierLinkOptions>().BindConfiguration(SupplierLinkOptions.Section);
        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);

        // The timings, read once at start: a broken definition stops the service instead of silently not chasing.
        services.AddSingleton(sp => FollowUpDefinitionLoader.Load(sp.GetRequiredService<IOptions<FollowUpOptions>>().Value, sp.GetRequiredService<CaseMachine>()));
        services.AddSingleton<FollowUpClock>();
        services.AddSingleton<IFollowUpClock>(sp => sp.GetRequiredService<FollowUpClock>());
        services.AddSingleton<CaseTimelineReader>();
        services.AddSingleton<FollowUpRunner>();
        services.AddSingleton<FollowUpSweep>();
        services.AddSingleton<FollowUpWakeUps>();
        services.AddSingleton<ITransitionListener, HangfireTimerScheduler>();
        services.AddTransient<FollowUpWakeUpJob>();
        services.AddTransient<FollowUpTimerJob>();
        services.AddTransient<FollowUpSweepJob>();
        services.AddTransient<EscalationDigestJob>();
        services.AddTransient<ImapIntakeJob>();

        // Outgoing mail: written with the transition, sent by the dispatcher.
        services.AddSingleton<ITransitionParticipant, OutboxParticipant>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton(sp => new MessageTemplates(WorkflowFiles.FindFolder(), sp.GetRequiredService<CaseMachine>()));
        services.AddSingleton(_ => new PublicUrls(configuration["PublicBaseUrl"]));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SupplierLinkOptions>>().Value;
            var key = SupplierLinkSigner.KeyFrom(o.SigningKey, DataFolder(sp, configuration));
            return new SupplierLinkSigner(key, o.Lifetime, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<UploadThrottle>();
        services.AddSingleton(sp => new MessageRenderer(
            sp.GetRequiredService<MessageTemplates>(), sp.GetRequiredService<SupplierLinkSigner>(), sp.GetRequiredService<PublicUrls>(),
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value, sp.GetRequiredService<IOptions<NotificationOptions>>().Value,
            sp.GetRequiredService<IOptions<ImapOptions>>().Value.Address, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<CaseMachine>(), sp.GetRequiredService<EmailOptions>().HtmlAlternative));
        services.AddSingleton<IMailTransport>(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(smtp.Host)) return new SmtpMailTransport(smtp);
            var folder = sp.GetRequiredService<EmailOptions>().EmlDirectory;
            var eml = new EmlFileTransport(string.IsNullOrWhiteSpace(folder) ? Path.Combine(DataFolder(sp, configuration), "outbox-eml") : Path.GetFullPath(folder));
            sp.GetRequiredService<ILogger<EmlFileTransport>>().LogInformation("No Smtp:Host configured; e-mails are written to {Folder}", eml.Folder);
            return eml;
        });
        services.AddSingleton(sp => new OutboxDispatcher(sp.GetRequiredService<OutboxStore>(), sp.GetRequiredService<MessageRenderer>(),
            sp.GetRequiredService<IMailTransport>(), sp.GetRequiredService<EmailOptions>(), sp.GetRequiredService<ILogger<OutboxDispatcher>>(),
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Timeout));
        if (configuration.GetValue(EmailOptions.Section + ":" + nameof(EmailOptions.DispatcherEnabled), true))
            services.AddHostedService<OutboxDispatcherService>();

        // Incoming mail.
        services.AddSingleton<InboundMatcher>();
        services.AddSingleton(sp => new ImapIntake(sp.GetRequiredService<IOptions<ImapOptions>>().Value, sp.GetRequiredService<InboundMatcher>(),
            sp.GetRequiredService<Workflow.Infrastructure.Submissions.SubmissionService>(), sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes, sp.GetRequiredService<ILogger<ImapIntake>>()));

        services.AddHostedService<RecurringJobs>();
        return services;
    }

    /// <summary>The embedded cluster's folder, or the configured data folder when a production database is used.</summary>
    private static string DataFolder(IServiceProvider sp, IConfiguration configuration) =>
        sp.GetRequiredService<DatabaseEndpoint>().DataDirectory
        ?? EmbeddedPostgresOptions.ResolveDataDirectory(configuration["Database:DataDirectory"] ?? "data");
}
