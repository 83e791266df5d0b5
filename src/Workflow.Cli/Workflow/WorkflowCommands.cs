using Workflow.StateMachines;

namespace Workflow.Cli.Workflow;

/// <summary><c>workflow diagram</c>: prints the Markdown committed as workflows/supplier-due-diligence.md.</summary>
public static class WorkflowCommands
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["diagram"])
        {
            stdout.Write(WorkflowDiagram.Markdown());
            return 0;
        }
        stderr.WriteLine("usage: workflow workflow diagram > workflows/supplier-due-diligence.md");
        return CommandDispatcher.UsageError;
    }
}
