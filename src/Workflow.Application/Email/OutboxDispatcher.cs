using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Application.Records;

namespace Workflow.Application.Email;

/// <summary>
/// Works off the outbox: claims a batch, sends each message, marks it sent right after the relay accepted it, and
/// stores the message exactly as the relay received it with that mark.
/// </summary>
/// <remarks>
/// Delivery guarantee: a message is marked sent only after the relay accepted it, so nothing is lost; it can be sent
/// twice only if this process dies in the instant between the relay's "250 OK" and the commit of the mark (at most one
/// message per dispatcher). The copy then carries the same Message-ID, so mail systems and the tests can tell.
/// Batch size, lease, back-off and the relay's timeout are read per batch, so a changed setting applies to the next one.
/// </remarks>
public sealed class OutboxDispatcher(OutboxStore store, MessageRenderer renderer, IMailTransport transport, IOptionsMonitor<EmailOptions> emailOptions,
    IOptionsMonitor<SmtpOptions> smtpOptions, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends one batch; returns how many messages went out (0 when idle or the relay is down).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var options = emailOptions.CurrentValue;
        var sendTimeout = smtpOptions.CurrentValue.Timeout;
        var batch = await store.ClaimAsync(Math.Max(1, options.BatchSize), options.LeaseDuration, ct);
        if (batch.Count == 0) return 0;

        IMailSession session;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(sendTimeout);
            session = await transport.OpenAsync(deadline.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Mail relay unavailable ({Error}); {Count} message(s) wait for the next attempt", e.Message, batch.Count);
            await store.RetryLaterAsync(batch, e.Message, options.RetryDelay, options.MaxRetryDelay, CancellationToken.None);
            return 0;
        }

        var sent = 0;
        await using (session)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var m = batch[i];
                RenderedMessage rendered;
                try
                {
                    rendered = await renderer.RenderAsync(m);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Outbox message {Id} ({Kind}) could not be rendered", m.Id, m.Kind);
                    await store.RetryLaterAsync([m], "render: " + e.Message, options.RetryDelay, options.MaxRetryDelay, CancellationToken.None);
                    continue;
                }
                if (rendered.Message is null)
                {
                    logger.LogWarning("Outbox message {Id} ({Kind}) skipped: {Reason}", m.Id, m.Kind, rendered.SkipReason);
                    await store.SkipAsync(m, rendered.SkipReason!, CancellationToken.None);
                    continue;
                }
                byte[] handedOver;
                try
                {
                    // A relay that stops answering must not stall the outbox: give up on the connection and retry later.
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    deadline.CancelAfter(sendTimeout);
                    handedOver = await session.SendAsync(rendered.Message, deadline.Token);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The relay failed mid-batch: keep this and every later message for the retry, in order.
                    logger.LogWarning("Sending outbox message {Id} failed ({Error}); {Count} message(s) wait for the next attempt", m.Id, e.Message, batch.Count - i);
                    await store.RetryLaterAsync(batch.Skip(i), e.Message, options.RetryDelay, options.MaxRetryDelay, CancellationToken.None);
                    break;
                }
                // Not cancellable: once the relay has it, recording that matters more than a prompt shutdown. The record
                // is stored with the mark, after the relay accepted (a refused message leaves no record of "sent").
                var record = RecordedMessage.Of(rendered.Message, handedOver, rendered.Message.MessageId ?? "");
                await store.MarkSentAsync(m, record, CancellationToken.None);
                sent++;
            }
        }
        return sent;
    }
}
