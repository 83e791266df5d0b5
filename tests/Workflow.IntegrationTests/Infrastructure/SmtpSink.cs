using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServer.Authentication;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port that keeps every message it accepts. With a
/// <see cref="SmtpLogin"/> it offers STARTTLS with a self-signed certificate and accepts mail only from that login,
/// and only after TLS, as a company relay does.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentQueue<(string? MessageId, byte[] Data)> _raw = new();
    private readonly SmtpLogin? _login;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpSink(int? port = null, SmtpLogin? login = null)
    {
        Port = port ?? FreePort();
        _login = login;
        Certificate = login is null ? null : TestCertificates.SelfSigned("sink.test");
    }

    public int Port { get; }
    public X509Certificate2? Certificate { get; }
    public IReadOnlyList<MimeMessage> Messages => _messages.ToList();

    /// <summary>The DATA of every message with this Message-ID, byte for byte as this server received it.</summary>
    public IReadOnlyList<byte[]> RawOf(string messageId) => _raw.Where(r => r.MessageId == messageId).Select(r => r.Data).ToList();

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public SmtpSink Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (Certificate is not null) b.Certificate(Certificate).AuthenticationRequired().AllowUnsecureAuthentication(false);
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages, _raw));
        if (_login is not null) services.Add(new Authenticator(_login));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return this;
    }

    /// <summary>Settings that point the service at this sink (with its login and pinned certificate when it has them).</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Port.ToString(),
            ["Smtp:TlsMode"] = _login is null ? "None" : "StartTls",
            ["Smtp:From"] = "Compliance <cmrt@buyer.test>",
            ["Smtp:Timeout"] = "00:00:05",
            // SmtpServer answers pipelined commands in separate writes; with pipelining each message waits ~40 ms for Nagle.
            ["Smtp:Pipelining"] = "false",
        };
        if (_login is not null)
        {
            settings["Smtp:Username"] = _login.User;
            settings["Smtp:Password"] = _login.Password;
            settings["Smtp:TrustedCertificateThumbprints:0"] = Workflow.Infrastructure.Email.CertificateTrust.Sha256(Certificate!);
        }
        return settings;
    }

    private sealed class Authenticator(SmtpLogin login) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == login.User && password == login.Password);
    }

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!done(Messages) && DateTime.UtcNow < until) await Task.Delay(50);
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        try { if (_running is not null) await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages, ConcurrentQueue<(string?, byte[])> raw) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var data = buffer.ToArray();
            using var stream = new MemoryStream(data);
            // SmtpServer cuts the DATA at "<CRLF>.<CRLF>", taking the CRLF that ends the message's last line with it;
            // RFC 5321 counts that CRLF as the line's. Put back, these are the bytes the client sent before the dot.
            data = [.. data, (byte)'\r', (byte)'\n'];
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            // Raw first: a test that sees the parsed message may then ask for its bytes.
            raw.Enqueue((message.MessageId, data));
            messages.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>The one account a TLS <see cref="SmtpSink"/> accepts.</summary>
public sealed record SmtpLogin(string User, string Password);
