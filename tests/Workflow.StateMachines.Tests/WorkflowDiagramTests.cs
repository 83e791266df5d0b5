namespace Workflow.StateMachines.Tests;

public class WorkflowDiagramTests
{
    [Fact]
    public void CommittedDiagram_MatchesConfiguration()
    {
        var path = Path.Combine(RepositoryRoot(), "workflows", "supplier-due-diligence.md");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");

        var generated = WorkflowDiagram.Markdown().ReplaceLineEndings("\n");

        Assert.True(committed == generated,
            "workflows/supplier-due-diligence.md is stale; regenerate it with: dotnet run --project src/Workflow.Cli -- workflow diagram > workflows/supplier-due-diligence.md");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
