namespace Workflow.Cli;

/// <summary>Routes "workflow &lt;group&gt; ..." to the group's handler; exit code 2 for usage errors.</summary>
public sealed class CommandDispatcher
{
    public const int UsageError = 2;

    private readonly Dictionary<string, (string Help, Func<string[], TextWriter, TextWriter, int> Run)> _groups =
        new(StringComparer.OrdinalIgnoreCase);

    public CommandDispatcher Add(string group, string help, Func<string[], TextWriter, TextWriter, int> run)
    {
        _groups[group] = (help, run);
        return this;
    }

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || !_groups.TryGetValue(args[0], out var group))
        {
            if (args.Length > 0 && args[0] is not ("-h" or "--help" or "help")) stderr.WriteLine($"unknown command '{args[0]}'");
            stderr.WriteLine("usage: workflow <command> [args]");
            foreach (var (name, g) in _groups) stderr.WriteLine($"  {name,-10} {g.Help}");
            return UsageError;
        }
        return group.Run(args[1..], stdout, stderr);
    }
}
