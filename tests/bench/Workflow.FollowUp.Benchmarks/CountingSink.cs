using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Workflow.FollowUp.Benchmarks;

/// <summary>An SMTP server on loopback that only counts messages per X-Workflow-Kind (100,000s of them fit in memory).</summary>
public sealed class CountingSink : IAsyncDisposable
{
    private static readonly byte[] KindHeader = Encoding.ASCII.GetBytes("X-Workflow-Kind: ");
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, (DateTime First, DateTime Last)> _times = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public CountingSink()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var options = new SmtpServerOptionsBuilder().ServerName("sink.bench")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }
    public int Count(string kind) => _counts.GetValueOrDefault(kind);
    public (DateTime First, DateTime Last) Times(string kind) => _times.GetValueOrDefault(kind);

    private void Add(string kind)
    {
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        var now = DateTime.UtcNow;
        _times.AddOrUpdate(kind, (now, now), (_, t) => (t.First, now));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
    }

    private sealed class Store(CountingSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            var bytes = buffer.ToArray();
            var at = bytes.AsSpan().IndexOf(KindHeader);
            var kind = "unknown";
            if (at >= 0)
            {
                var rest = bytes.AsSpan(at + KindHeader.Length);
                kind = Encoding.ASCII.GetString(rest[..rest.IndexOf((byte)'\r')]);
            }
            sink.Add(kind);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
