using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;
using Workflow.Application.Email;

namespace Workflow.Infrastructure.Email;

/// <summary>MailKit over SMTP; one connection per dispatcher batch.</summary>
/// <remarks>
/// The transport owns the socket: MailKit's pending reads do not reliably observe cancellation, and a relay that stops
/// answering mid-command would otherwise hold the dispatcher forever (seen with a test relay under load). Closing the
/// socket makes the pending read fail at once; the message is then retried like any other failure.
/// </remarks>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        // NoDelay: with Nagle on, each pipelined command waits for the relay's delayed ACK (about 40 ms a message).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var client = new SmtpClient
        {
            Timeout = (int)options.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = CertificateTrust.For(options.TrustedCertificateThumbprints),
        };
        try
        {
            using (ct.Register(() => Close(socket)))
            {
                await socket.ConnectAsync(options.Host!, options.Port, ct);
                await client.ConnectAsync(socket, options.Host!, options.Port, options.TlsMode.ToMailKit(), ct).WaitAsync(ct);
                if (!options.Pipelining) client.Capabilities &= ~SmtpCapabilities.Pipelining;
                if (!string.IsNullOrEmpty(options.Username))
                    await client.AuthenticateAsync(options.Username, options.Password ?? "", ct).WaitAsync(ct);
            }
            return new Session(client, socket);
        }
        catch
        {
            Close(socket);
            client.Dispose();
            throw;
        }
    }

    private static void Close(Socket socket)
    {
        try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        socket.Dispose();
    }

    private sealed class Session(SmtpClient client, Socket socket) : IMailSession
    {
        private bool _aborted;

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            using (ct.Register(() => { _aborted = true; Close(socket); }))
                await client.SendAsync(message, ct).WaitAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_aborted)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try { if (client.IsConnected) await client.DisconnectAsync(quit: true, quit.Token).WaitAsync(quit.Token); }
                catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException or ObjectDisposedException or SocketException) { }
            }
            Close(socket);
            client.Dispose();
        }
    }
}
