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

    /// <summary>
    /// The options MailKit applies to every message it sends over SMTP (CRLF line endings, a final line ending; Bcc,
    /// Resent-Bcc and Content-Length never written), passed explicitly so the record is written exactly as the message was.
    /// </summary>
    private static readonly FormatOptions WireFormat = CreateWireFormat();

    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.EnsureNewLine = true;
        format.HiddenHeaders.Add(HeaderId.ContentLength);
        format.HiddenHeaders.Add(HeaderId.ResentBcc);
        format.HiddenHeaders.Add(HeaderId.Bcc);
        return format;
    }

    private static void Close(Socket socket)
    {
        try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        socket.Dispose();
    }

    private sealed class Session(SmtpClient client, Socket socket) : IMailSession
    {
        private bool _aborted;

        public async Task<byte[]> SendAsync(MimeMessage message, CancellationToken ct)
        {
            using (ct.Register(() => { _aborted = true; Close(socket); }))
                await client.SendAsync(WireFormat, message, ct).WaitAsync(ct);
            // What went out in DATA: MailKit prepared the message's parts for the relay's extensions (8BITMIME or not)
            // while sending, so writing it now with the same options gives the bytes the relay received.
            using var buffer = new MemoryStream();
            await message.WriteToAsync(WireFormat, buffer, CancellationToken.None);
            return buffer.ToArray();
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
