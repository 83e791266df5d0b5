using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Workflow.Api.Extensions;

/// <summary>
/// Hangfire's log provider is one static for the whole process and outlives the host whose logger factory it was given.
/// Once that host has stopped, its factory throws ObjectDisposedException on every new logger, and Hangfire asks for
/// loggers in constructors: a job client created by another, still running host in the same process then fails.
/// This provider falls back to a silent logger instead.
/// </summary>
public sealed class HostBoundLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
