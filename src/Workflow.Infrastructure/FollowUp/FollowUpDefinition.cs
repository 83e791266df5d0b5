using System.Text.Json;
using System.Xml;

namespace Workflow.Infrastructure.FollowUp;

/// <summary>The follow-up timings of workflows/follow-up.json, already divided by the time scale.</summary>
public sealed record FollowUpDefinition(
    string Version,
    TimeSpan ReminderAfter,
    TimeSpan SecondRequestAfter,
    TimeSpan EscalationAfter,
    TimeSpan CorrectionReminderAfter,
    TimeSpan CorrectionWindow,
    TimeSpan TerminationRecommendationAfter,
    double TimeScale)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="source">Named in error messages (a path or "embedded").</param>
    public static FollowUpDefinition Parse(string json, double timeScale, string source)
    {
        if (timeScale <= 0 || double.IsNaN(timeScale) || double.IsInfinity(timeScale))
            throw new InvalidOperationException($"Workflow:TimeScale must be a positive number, not {timeScale}.");
        using var doc = JsonDocument.Parse(json, Options);
        var root = doc.RootElement;

        TimeSpan Duration(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
                throw new InvalidOperationException($"{source}: '{name}' is missing; give an ISO 8601 duration such as \"P14D\".");
            TimeSpan span;
            try { span = XmlConvert.ToTimeSpan(value.GetString()!); }
            catch (FormatException) { throw new InvalidOperationException($"{source}: '{name}' = \"{value.GetString()}\" is not an ISO 8601 duration such as \"P14D\"."); }
            if (span <= TimeSpan.Zero) throw new InvalidOperationException($"{source}: '{name}' must be longer than zero.");
            return span / timeScale;
        }

        var definition = new FollowUpDefinition(
            root.TryGetProperty("version", out var v) ? v.GetString() ?? "unversioned" : "unversioned",
            Duration("reminderAfter"),
            Duration("secondRequestAfter"),
            Duration("escalationAfter"),
            Duration("correctionReminderAfter"),
            Duration("correctionWindow"),
            Duration("terminationRecommendationAfter"),
            timeScale);
        if (definition.CorrectionWindow <= definition.CorrectionReminderAfter)
            throw new InvalidOperationException($"{source}: 'correctionWindow' must be longer than 'correctionReminderAfter'.");
        return definition;
    }
}
