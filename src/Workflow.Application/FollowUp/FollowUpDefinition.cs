using System.Text.Json;
using System.Xml;
using Workflow.StateMachines;

namespace Workflow.Application.FollowUp;

/// <summary>
/// The follow-up timings of workflows/follow-up.json, already divided by the time scale: one duration per timer key
/// (a waiting stage's name, or the superstate whose window a timer counts down), checked against the case machine.
/// </summary>
public sealed record FollowUpDefinition(string Version, IReadOnlyDictionary<string, TimeSpan> Timers, double TimeScale)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The duration in force under <paramref name="key"/>, scaled.</summary>
    public TimeSpan this[string key] => Timers[key];

    /// <param name="source">Named in error messages (a path or "embedded").</param>
    public static FollowUpDefinition Parse(string json, double timeScale, string source, CaseMachine machine)
    {
        if (timeScale <= 0 || double.IsNaN(timeScale) || double.IsInfinity(timeScale))
            throw new InvalidOperationException($"Workflow:TimeScale must be a positive number, not {timeScale}.");
        using var doc = JsonDocument.Parse(json, Options);
        var root = doc.RootElement;
        // Definitions written before stages became data named each duration; say where each one went.
        if (root.TryGetProperty("reminderAfter", out _))
            throw new InvalidOperationException($"{source}: durations are now keyed by stage under \"timers\": reminderAfter → " +
                "AwaitingResponse, secondRequestAfter → Reminded, escalationAfter → SecondRequestSent, correctionReminderAfter → " +
                "AwaitingCorrection, correctionWindow → Invalid, terminationRecommendationAfter → EscalationOpen (see workflows/follow-up.json).");
        if (!root.TryGetProperty("timers", out var timers) || timers.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"{source}: 'timers' is missing; give one ISO 8601 duration per waiting stage, " +
                "e.g. \"timers\": { \"AwaitingResponse\": \"P14D\" }.");

        var expected = machine.WaitingStages.Select(d => d.Timer!.KeyFor(d.Stage)).ToHashSet();
        var durations = new Dictionary<string, TimeSpan>();
        foreach (var p in timers.EnumerateObject())
        {
            if (!expected.Contains(p.Name))
                throw new InvalidOperationException($"{source}: timer '{p.Name}' names no waiting stage of the case machine; known: {string.Join(", ", expected)}.");
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new InvalidOperationException($"{source}: timer '{p.Name}' must be an ISO 8601 duration such as \"P14D\".");
            TimeSpan span;
            try { span = XmlConvert.ToTimeSpan(p.Value.GetString()!); }
            catch (FormatException) { throw new InvalidOperationException($"{source}: timer '{p.Name}' = \"{p.Value.GetString()}\" is not an ISO 8601 duration such as \"P14D\"."); }
            if (span <= TimeSpan.Zero) throw new InvalidOperationException($"{source}: timer '{p.Name}' must be longer than zero.");
            durations[p.Name] = span / timeScale;
        }
        if (expected.Except(durations.Keys).FirstOrDefault() is { } missing)
            throw new InvalidOperationException($"{source}: timer '{missing}' is missing; give an ISO 8601 duration such as \"P14D\".");

        var definition = new FollowUpDefinition(
            root.TryGetProperty("version", out var v) ? v.GetString() ?? "unversioned" : "unversioned", durations, timeScale);
        var clock = new FollowUpClock(machine, definition);
        foreach (var d in machine.WaitingStages)
            if (clock.Duration(d.Stage) <= TimeSpan.Zero)
                throw new InvalidOperationException($"{source}: timer '{d.Timer!.KeyFor(d.Stage)}' must be longer than the timers before {d.Stage} within {d.Parent}.");
        return definition;
    }
}
