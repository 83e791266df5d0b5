using Workflow.StateMachines;

namespace Workflow.Application.FollowUp;

public static class FollowUpDefinitionLoader
{
    public static FollowUpDefinition Load(FollowUpOptions options, CaseMachine machine)
    {
        if (!string.IsNullOrWhiteSpace(options.FollowUpDefinition))
        {
            var path = Path.GetFullPath(options.FollowUpDefinition);
            if (!File.Exists(path)) throw new InvalidOperationException($"Workflow:FollowUpDefinition '{path}' does not exist.");
            return FollowUpDefinition.Parse(File.ReadAllText(path), options.TimeScale, path, machine);
        }
        var file = WorkflowFiles.Read("follow-up.json", WorkflowFiles.FindFolder())
            ?? throw new InvalidOperationException("No follow-up definition: workflows/follow-up.json is neither on disk nor embedded.");
        return FollowUpDefinition.Parse(file.Text, options.TimeScale, file.Source, machine);
    }
}
