using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Workflow.Application.Settings;

/// <summary>
/// The URL this service actually listens on (Kestrel's bound addresses), for links when no public base URL is set:
/// a guess that at least reaches this instance, never a fixed port it may not be using.
/// </summary>
public sealed class ListeningAddress(IServer server)
{
    public string? Base
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                ?? addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
            return first is null ? null : Concrete(first);
        }
    }

    /// <summary>"http://0.0.0.0:5080", "http://[::]:5080", "http://+:5080" → the machine's host name (or localhost).</summary>
    public static string Concrete(string address)
    {
        var scheme = address[..address.IndexOf("://", StringComparison.Ordinal)];
        var rest = address[(scheme.Length + 3)..].TrimEnd('/');
        // Split the host from ":port"; an IPv6 host keeps its brackets.
        var colon = rest.StartsWith('[') ? rest.IndexOf("]:", StringComparison.Ordinal) + 1 : rest.LastIndexOf(':');
        var (host, port) = colon > 0 ? (rest[..colon], rest[colon..]) : (rest, "");
        if (host is "0.0.0.0" or "[::]" or "+" or "*" or "")
        {
            var machine = System.Net.Dns.GetHostName();
            host = string.IsNullOrWhiteSpace(machine) ? "localhost" : machine.ToLowerInvariant();
        }
        return $"{scheme.ToLowerInvariant()}://{host}{port}";
    }
}
