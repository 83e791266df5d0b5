using System.Text.Json;
using System.Xml;
using Workflow.Application.FollowUp;

namespace Workflow.Application.Grievances;

/// <summary>workflows/grievance.json, its duration already divided by the time scale.</summary>
public sealed record GrievanceDefinition(string Version, TimeSpan Untouched)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static GrievanceDefinition Parse(string json, double timeScale, string source)
    {
        using var doc = JsonDocument.Parse(json, Options);
        var root = doc.RootElement;
        if (!root.TryGetProperty("untouched", out var untouched) || untouched.ValueKind != JsonValueKind.String)
            throw new InvalidOperationException($"{source}: 'untouched' is missing; give an ISO 8601 duration such as \"P10D\".");
        TimeSpan span;
        try { span = XmlConvert.ToTimeSpan(untouched.GetString()!); }
        catch (FormatException) { throw new InvalidOperationException($"{source}: 'untouched' = \"{untouched.GetString()}\" is not an ISO 8601 duration such as \"P10D\"."); }
        if (span <= TimeSpan.Zero) throw new InvalidOperationException($"{source}: 'untouched' must be longer than zero.");
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unversioned";
        return new GrievanceDefinition(version, span / timeScale);
    }

    /// <summary>Grievance:Definition, else workflows/grievance.json on disk, else the embedded copy.</summary>
    public static GrievanceDefinition Load(GrievanceOptions options, FollowUpOptions followUp)
    {
        if (!string.IsNullOrWhiteSpace(options.Definition))
        {
            var path = Path.GetFullPath(options.Definition);
            if (!File.Exists(path)) throw new InvalidOperationException($"Grievance:Definition '{path}' does not exist.");
            return Parse(File.ReadAllText(path), followUp.TimeScale, path);
        }
        var file = WorkflowFiles.Read("grievance.json", WorkflowFiles.FindFolder())
            ?? throw new InvalidOperationException("No grievance definition: workflows/grievance.json is neither on disk nor embedded.");
        return Parse(file.Text, followUp.TimeScale, file.Source);
    }
}
