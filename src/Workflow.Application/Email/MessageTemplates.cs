using Workflow.Application.FollowUp;
using Workflow.StateMachines;

namespace Workflow.Application.Email;

/// <summary>
/// Templates of workflows/templates, loaded once at start; for a language without its own file the English one is
/// used ("de-AT" tries "de-AT", then "de", then "en").
/// </summary>
public sealed class MessageTemplates
{
    public const string Fallback = "en";
    private readonly Dictionary<(string Kind, string Language), MessageTemplate> _templates = new();

    /// <summary>The templates of the repository's (or the published service's) workflows/ folder, else the embedded copies.</summary>
    public MessageTemplates(CaseMachine machine) : this(WorkflowFiles.FindFolder(), machine) { }

    /// <param name="machine">Every kind it sends needs an English template; a missing one stops the service at start.</param>
    public MessageTemplates(string? workflowsFolder, CaseMachine machine)
    {
        var names = new HashSet<string>(WorkflowFiles.EmbeddedNames("templates/"));
        if (workflowsFolder is not null && Directory.Exists(Path.Combine(workflowsFolder, "templates")))
            foreach (var f in Directory.GetFiles(Path.Combine(workflowsFolder, "templates"), "*.txt"))
                names.Add("templates/" + Path.GetFileName(f));
        foreach (var name in names)
        {
            var parts = Path.GetFileNameWithoutExtension(name).Split('.');
            if (parts.Length != 2) continue;
            var file = WorkflowFiles.Read(name, workflowsFolder)!.Value;
            _templates[(parts[0], parts[1].ToLowerInvariant())] = MessageTemplate.Parse(parts[0], parts[1], file.Text, file.Source);
        }
        foreach (var kind in MessageKinds.All(machine))
            if (!_templates.ContainsKey((kind, Fallback)))
                throw new InvalidOperationException($"Missing template workflows/templates/{kind}.{Fallback}.txt.");
    }

    public IEnumerable<string> Languages => _templates.Keys.Select(k => k.Language).Distinct();

    public MessageTemplate For(string kind, string? language)
    {
        var lang = (language ?? Fallback).Trim().ToLowerInvariant();
        if (_templates.TryGetValue((kind, lang), out var exact)) return exact;
        var dash = lang.IndexOfAny(['-', '_']);
        if (dash > 0 && _templates.TryGetValue((kind, lang[..dash]), out var primary)) return primary;
        return _templates[(kind, Fallback)];
    }
}
