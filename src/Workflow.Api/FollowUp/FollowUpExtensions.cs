using Workflow.Application.Bounces;
using Npgsql;
using Workflow.Application.Submissions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Api.Extensions;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;
using Workflow.Application.Cases;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;
using Workflow.Application.Records;
using Workflow.Infrastructure.Email.Inbound;
using Workflow.Application.FollowUp;
using Workflow.Application.SupplierLinks;
using Workflow.StateMachines;
using Workflow.Infrastructure.Jobs;

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
        services.AddSingleton<MessageTemplates>();
        services.AddSingleton<PublicUrls>();
        // The signing key is resolved once: configured, else the one every instance on this database shares (stored in
        // PostgreSQL by the first to start), so a link signed by any instance verifies on all of them.
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SupplierLinkOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            // A configured key is checked at once, so a short one stops the start rather than the first e-mail.
            if (!string.IsNullOrWhiteSpace(o.SigningKey)) return new SupplierLinkSigner(System.Text.Encoding.UTF8.GetBytes(o.SigningKey), o.Lifetime ?? SupplierLinkOptions.DefaultLifetime, clock);
            var folder = DataFolder(sp, configuration);
            return new SupplierLinkSigner(() => SharedSigningKey.Resolve(null, folder, sp.GetRequiredService<NpgsqlDataSource>()), o.Lifetime ?? SupplierLinkOptions.DefaultLifetime, clock);
        });
        services.AddSingleton<UploadThrottle>();
        services.AddSingleton<MessageRenderer>();
        // SMTP when a relay is configured, else .eml files under the data folder (the embedded default): chosen at start.
        services.AddSingleton<IMailTransport>(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(smtp.Host)) return new SmtpMailTransport(smtp);
            var folder = sp.GetRequiredService<IOptions<EmailOptions>>().Value.EmlDirectory;
            var eml = new EmlFileTransport(string.IsNullOrWhiteSpace(folder) ? Path.Combine(DataFolder(sp, configuration), "outbox-eml") : Path.GetFullPath(folder));
            sp.GetRequiredService<ILogger<EmlFileTransport>>().LogInformation("No Smtp:Host configured; e-mails are written to {Folder}", eml.Folder);
            return eml;
        });
        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetValue(EmailOptions.Section + ":" + nameof(EmailOptions.DispatcherEnabled), true))
            services.AddHostedService<OutboxDispatcherService>();

        // Every message as sent and received (written by the dispatcher and the intake, read by pages and /api).
        services.AddSingleton<MessageRecordStore>();
        services.AddSingleton<MessageRecordQuery>();

        // Incoming mail.
        services.AddSingleton<InboundMatcher>();
        services.AddSingleton<ImapIntake>();
        // Bounced mail (delivery reports in the same mailbox) and the contact-needed list they feed.
        services.AddSingleton<BounceIntake>();
        services.AddSingleton<ContactBounces>();
        services.AddSingleton<ContactNeeded>();

        services.AddHostedService<RecurringJobs>();
        return services;
    }

    /// <summary>The embedded cluster's folder, or the configured data folder when a production database is used.</summary>
    private static string DataFolder(IServiceProvider sp, IConfiguration configuration) =>
        sp.GetRequiredService<DatabaseEndpoint>().DataDirectory
        ?? EmbeddedPostgresOptions.ResolveDataDirectory(configuration["Database:DataDirectory"] ?? "data");
}
