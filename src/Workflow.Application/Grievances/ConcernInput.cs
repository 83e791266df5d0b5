using System.Net.Mail;
using Workflow.Domain.Grievances;

namespace Workflow.Application.Grievances;

/// <summary>A concern as someone reported it: the public form, the hotline's API call or a mail.</summary>
public sealed record ConcernInput
{
    public string? Description { get; init; }
    /// <summary>A smelter by name or by its identifier (CID…), as the reporter wrote it.</summary>
    public string? Smelter { get; init; }
    public string? Supplier { get; init; }
    public string? Country { get; init; }
    /// <summary>tin, tantalum, tungsten, gold or other.</summary>
    public string? Metal { get; init; }
    /// <summary>When it happened, in the reporter's words.</summary>
    public string? Occurred { get; init; }
    public string? Channel { get; init; }
    public string? ReporterName { get; init; }
    public string? ReporterEmail { get; init; }
    public string? ReporterPhone { get; init; }
    /// <summary>The language the reporter used (the public page's), so replies can be written in it.</summary>
    public string? Language { get; init; }

    public bool IsAnonymous => Blank(ReporterName) && Blank(ReporterEmail) && Blank(ReporterPhone);

    /// <summary>The longest value each short field may have, in characters (the description's is <c>Grievance:MaxTextLength</c>).</summary>
    public static readonly IReadOnlyDictionary<string, int> MaxLengths = new Dictionary<string, int>
    {
        ["smelter"] = 300, ["supplier"] = 300, ["country"] = 100, ["occurred"] = 200, ["reporterName"] = 200, ["reporterEmail"] = 254, ["reporterPhone"] = 50,
    };

    /// <summary>The form's fields (public page, follow-up page, API form posts) by their names; the language as given.</summary>
    public static ConcernInput FromForm(Func<string, string?> field, string? language) => new()
    {
        Description = field("description"), Smelter = field("smelter"), Supplier = field("supplier"), Country = field("country"), Metal = field("metal"),
        Occurred = field("occurred"), ReporterName = field("reporterName"), ReporterEmail = field("reporterEmail"), ReporterPhone = field("reporterPhone"),
        Language = language,
    };

    /// <summary>Every problem, by field; empty when the concern can be stored.</summary>
    public Dictionary<string, string[]> Validate(int maxTextLength)
    {
        var errors = new Dictionary<string, string[]>();
        if (Blank(Description)) errors["description"] = ["Describe the concern: what happened, and where."];
        else if (Description!.Length > maxTextLength) errors["description"] = [$"The description is longer than {maxTextLength} characters."];
        foreach (var (field, value) in new[]
                 {
                     ("smelter", Smelter), ("supplier", Supplier), ("country", Country), ("occurred", Occurred),
                     ("reporterName", ReporterName), ("reporterEmail", ReporterEmail), ("reporterPhone", ReporterPhone),
                 })
            if (value is not null && value.Length > MaxLengths[field]) errors[field] = [$"At most {MaxLengths[field]} characters."];
        if (!Blank(Metal) && !ConcernMetals.IsKnown(Metal!.Trim().ToLowerInvariant()))
            errors["metal"] = [$"'{Metal}' is not one of {string.Join(", ", ConcernMetals.All)}."];
        if (!Blank(Channel) && !ConcernChannels.IsKnown(Channel!.Trim().ToLowerInvariant()))
            errors["channel"] = [$"'{Channel}' is not one of {string.Join(", ", ConcernChannels.All)}."];
        if (!Blank(ReporterEmail) && !errors.ContainsKey("reporterEmail") && !IsEmail(ReporterEmail!))
            errors["reporterEmail"] = [$"'{ReporterEmail}' is not an e-mail address."];
        return errors;
    }

    /// <summary>Trimmed, blanks as null, the metal and channel in their stored spelling.</summary>
    public ConcernInput Normalised(string defaultChannel) => this with
    {
        Description = Description?.Trim(),
        Smelter = Clean(Smelter),
        Supplier = Clean(Supplier),
        Country = Clean(Country),
        Metal = Clean(Metal)?.ToLowerInvariant(),
        Occurred = Clean(Occurred),
        Channel = Clean(Channel)?.ToLowerInvariant() ?? defaultChannel,
        ReporterName = Clean(ReporterName),
        ReporterEmail = Clean(ReporterEmail),
        ReporterPhone = Clean(ReporterPhone),
        Language = Clean(Language)?.ToLowerInvariant() ?? "en",
    };

    private static bool IsEmail(string value)
    {
        try { return new MailAddress(value.Trim()).Address == value.Trim(); }
        catch (FormatException) { return false; }
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The concern could not be stored as given; nothing was written.</summary>
public sealed class ConcernValidationException(Dictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}
