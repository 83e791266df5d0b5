using System.Globalization;

namespace Workflow.Cli.Cmrt;

/// <summary>Parsed options of <c>cmrt check</c>.</summary>
public sealed record CheckArguments(bool Json, string? PolicyPath, string? ReferencePath, DateOnly AsOf, IReadOnlyList<string> Files)
{
    /// <summary>--help or -h was given: print the usage and do nothing else, whatever the other arguments.</summary>
    public bool Help { get; init; }

    public static bool TryParse(string[] args, out CheckArguments parsed, out string? error)
    {
        bool json = false;
        string? policy = null, reference = null;
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var files = new List<string>();
        parsed = new CheckArguments(false, null, null, asOf, []);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--help" or "-h":
                    parsed = parsed with { Help = true };
                    return true;
                case "--json": json = true; break;
                case "--policy": policy = Value() ?? Fail("--policy needs a PATH", out error); break;
                case "--reference": reference = Value() ?? Fail("--reference needs a PATH", out error); break;
                case "--as-of":
                    var text = Value();
                    if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                        Fail("--as-of needs a date YYYY-MM-DD", out error);
                    break;
                case "--": files.AddRange(args[(i + 1)..]); i = args.Length; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) Fail($"unknown option {args[i]}", out error);
                    else files.Add(args[i]);
                    break;
            }
            if (error is not null) return false;
        }
        if (files.Count == 0) { error = "no FILE given"; return false; }
        parsed = new CheckArguments(json, policy, reference, asOf, files);
        return true;
    }

    private static string? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
