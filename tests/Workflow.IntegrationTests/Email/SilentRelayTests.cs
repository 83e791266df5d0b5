using System.Net;
using System.Net.Sockets;
using System.Text;
using Workflow.Infrastructure.Email;
using Workflow.Application.Email;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Email;

/// <summary>A relay that takes a message and then never confirms it must not stall the outbox.</summary>
public class SilentRelayTests
{
    [Fact]
    public async Task RelayThatStopsAnswering_TimesOut_AndTheMessageWaitsForARetry()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var clients = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var c = await listener.AcceptTcpClientAsync(stop.Token);
                clients.Add(c);
                var s = c.GetStream();
                await s.WriteAsync(Encoding.ASCII.GetBytes("220 silent.test ESMTP\r\n"), stop.Token);
                // Answer every command, accept the message, then never confirm it.
                _ = Task.Run(async () =>
                {
                    var reader = new StreamReader(s, Encoding.ASCII);
                    var inData = false;
                    while (await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        if (inData) { if (line == ".") inData = false; continue; }
                        var reply = line.Split(' ')[0].ToUpperInvariant() switch
                        {
                            "EHLO" => "250-silent.test\r\n250 PIPELINING\r\n",
                            "DATA" => "354 go ahead\r\n",
                            _ => "250 ok\r\n",
                        };
                        if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase)) inData = true;
                        await s.WriteAsync(Encoding.ASCII.GetBytes(reply), stop.Token);
                    }
                });
            }
        });
        using var app = new WorkflowApp(settings: FollowUpSteps.Manual(new()
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(), ["Smtp:TlsMode"] = "None", ["Smtp:Timeout"] = "00:00:02",
        }));
        await app.LaunchAsync(1, "silent");

        var started = DateTime.UtcNow;
        Assert.Equal(0, await app.Service<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await app.ScalarAsync("select count(*) from workflow.outbox where status = 'pending' and attempts = 1 and last_error is not null"));
        await stop.CancelAsync();
        listener.Stop();
        foreach (var c in clients) c.Dispose();
    }
}
