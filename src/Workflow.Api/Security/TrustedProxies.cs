using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Workflow.Api.Security;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so the per-address limits (sign-in attempts,
/// supplier uploads) would count all suppliers together. <c>Network:TrustedProxies</c> lists the proxies whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed; anyone else's are ignored, so a client cannot
/// pick its own address to escape the limits.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Network:TrustedProxies";

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(Section).Get<string[]>() ?? [];
        if (proxies.Length == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (!IPAddress.TryParse(proxy.Trim(), out var address))
                throw new InvalidOperationException($"{Section} holds '{proxy}', which is not an IP address.");
            options.KnownProxies.Add(address);
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
