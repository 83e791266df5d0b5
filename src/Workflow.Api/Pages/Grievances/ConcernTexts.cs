using System.Globalization;
using Workflow.Domain.Grievances;

namespace Workflow.Api.Pages.Grievances;

/// <summary>
/// The words of the public concern pages (the form and the reporter's follow-up page) in the supplier languages:
/// English, German, Simplified Chinese, Japanese, Spanish and French. They speak to someone who found the link on our
/// website and may be afraid: what the mechanism is for, that they may stay anonymous, what happens next. No word of
/// the investigators' vocabulary (states, channels) reaches them.
/// </summary>
public sealed partial record ConcernTexts
{
    public required string Language { get; init; }
    /// <summary>The language's own name, for the language switch ("Deutsch", "中文").</summary>
    public required string NativeName { get; init; }
    public required string DateFormat { get; init; }
    /// <summary>Under the company's name in the header; alone when no name is set.</summary>
    public required string Tagline { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string ExamplesLead { get; init; }
    public required IReadOnlyList<string> Examples { get; init; }
    public required string AnonymousHeading { get; init; }
    public required string AnonymousText { get; init; }
    public required string NextHeading { get; init; }
    public required string NextText { get; init; }
    public required string FormHeading { get; init; }
    public required string RequiredNote { get; init; }
    public required string DescriptionLabel { get; init; }
    public required string DescriptionHint { get; init; }
    public required string SubjectLegend { get; init; }
    public required string SmelterLabel { get; init; }
    public required string SmelterHint { get; init; }
    public required string SupplierLabel { get; init; }
    public required string CountryLabel { get; init; }
    public required string MetalLabel { get; init; }
    /// <summary>tin, tantalum, tungsten, gold, other and "" (not sure) in words.</summary>
    public required Func<string, string> Metal { get; init; }
    public required string OccurredLabel { get; init; }
    public required string OccurredHint { get; init; }
    public required string FilesLabel { get; init; }
    /// <summary>The accepted kinds of file in words (<see cref="Workflow.Application.Grievances.ConcernAttachments.Accepted"/>).</summary>
    public required string AcceptedKinds { get; init; }
    /// <summary>The files' limits: how many, how large (MB), which kinds.</summary>
    public required Func<int, string, string, string> FilesHint { get; init; }
    public required string AboutYouLegend { get; init; }
    public required string AboutYouHint { get; init; }
    public required string NameLabel { get; init; }
    public required string EmailLabel { get; init; }
    public required string PhoneLabel { get; init; }
    public required string SendButton { get; init; }
    public required string LanguageSwitch { get; init; }
    public required string Footer { get; init; }

    public required string ErrorSummary { get; init; }
    public required string DescriptionRequired { get; init; }
    public required Func<int, string> TooLong { get; init; }
    public required string EmailInvalid { get; init; }
    public required string MetalInvalid { get; init; }
    public required Func<int, string> TooManyFiles { get; init; }
    /// <summary>A file larger than the limit: its name, the limit in MB.</summary>
    public required Func<string, string, string> FileTooLarge { get; init; }
    public required Func<string, string> FileWrongKind { get; init; }
    public required Func<string, string> FileEmpty { get; init; }
    public required string FilesAgain { get; init; }
    public required string TooManyTitle { get; init; }
    /// <summary>A follow-up link that opens nothing (mistyped, cut off): said without telling whether anything exists.</summary>
    public required string LinkUnknownTitle { get; init; }
    public required string LinkUnknownText { get; init; }
    public required string TooManyText { get; init; }

    public required Func<string, string> FollowUpTitle { get; init; }
    public required Func<string, string> NewReference { get; init; }
    public required string NewKeep { get; init; }
    public required string NewCannotResend { get; init; }
    public required string StateHeading { get; init; }
    /// <summary>Where the concern stands, for the reporter, by state.</summary>
    public required Func<ConcernState, string> State { get; init; }
    public required string ReportedHeading { get; init; }
    public required Func<string, string> ReceivedOn { get; init; }
    public required string MessagesHeading { get; init; }
    public required string FromUs { get; init; }
    public required string FromYou { get; init; }
    public required string NoReplies { get; init; }
    public required string FilesSent { get; init; }
    public required string AddHeading { get; init; }
    public required string AddLabel { get; init; }
    public required string AddButton { get; init; }
    public required string Added { get; init; }
    public required string AddErrorSummary { get; init; }
    public required string AddRequired { get; init; }

    // A property, not a field: the languages are fields of the other part of this record, initialised in an order a field here could not rely on.
    public static IReadOnlyList<ConcernTexts> All => [English, German, Chinese, Japanese, Spanish, French];

    /// <summary>The texts for a language code ("de", "de-DE", "zh_CN"), or null when none of ours.</summary>
    public static ConcernTexts? Find(string? language)
    {
        var code = (language ?? "").Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code[..dash];
        return All.FirstOrDefault(t => t.Language == code);
    }

    public static ConcernTexts For(string? language) => Find(language) ?? English;

    /// <summary>
    /// The language a visitor reads: <c>?lang=</c> (the switch), then the form's language field (a post), then the
    /// browser's Accept-Language in its order of preference, then English.
    /// </summary>
    public static ConcernTexts For(HttpRequest request, string? formLanguage = null)
    {
        if (Find(request.Query["lang"].ToString()) is { } chosen) return chosen;
        if (Find(formLanguage) is { } posted) return posted;
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var l in accepted)
            if (Find(l.Value.Value) is { } t) return t;
        return English;
    }

    public string Date(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).ToString(DateFormat, CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : Language));

    public static string Megabytes(long bytes) => (bytes / (1024 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The metal values of the form's select, "" being "not sure".</summary>
    public static readonly IReadOnlyList<string> MetalChoices = [.. ConcernMetals.All, ""];
}
