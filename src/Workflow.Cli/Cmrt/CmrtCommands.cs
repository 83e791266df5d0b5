namespace Workflow.Cli.Cmrt;

/// <summary>"workflow cmrt check|bench ...".</summary>
public static class CmrtCommands
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        switch (args.FirstOrDefault())
        {
            case "check":
                return new CmrtCheckCommand().Run(args[1..], stdout, stderr);
            case "bench":
                return CmrtBenchCommand.Run(args[1..], stdout, stderr);
            default:
                stderr.WriteLine(CmrtCheckCommand.UsageLine);
                stderr.WriteLine("       workflow cmrt bench [--repeat N] [--rounds N] [--policy PATH] [--reference PATH] FILE...");
                return CommandDispatcher.UsageError;
        }
    }
}
