using Microsoft.Extensions.Options;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// Runs the outbox dispatcher in this instance: as fast as the relay takes mail while there is some, then polling.
/// A loop rather than a Hangfire job so mail leaves within a second and does not queue behind timers.
/// </summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptionsMonitor<EmailOptions> options, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let migrations and the rest of start-up finish first.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox dispatch failed; trying again shortly");
                sent = 0;
            }
            if (sent == 0)
            {
                // The machine clock, not the service's: a test's frozen clock must not freeze the loop.
                try { await Task.Delay(options.CurrentValue.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }
}
