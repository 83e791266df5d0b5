using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps what the in-process service logged at Error level, so that a test which receives a 500 can say why
/// instead of only "InternalServerError" (the response body deliberately hides the exception).
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose() { }

    private sealed class Collector(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            entries.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}

/// <summary>Turns a 500 from the service into a test failure that carries the server-side exception.</summary>
public sealed class ExplainServerErrors(ServerErrors errors) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
            throw new HttpRequestException(
                $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}; the service logged:\n" +
                string.Join("\n---\n", errors.Entries.TakeLast(3)));
        return response;
    }
}
