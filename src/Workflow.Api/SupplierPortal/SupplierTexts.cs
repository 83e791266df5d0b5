using System.Globalization;

namespace Workflow.Api.SupplierPortal;

/// <summary>A message to the supplier: its first sentence in bold, then the rest.</summary>
public sealed record SupplierMessage(string Lead, string Rest = "");

/// <summary>
/// The words of the supplier page in the supplier's language: English, German, Simplified Chinese, Japanese, Spanish
/// and French, the languages of the e-mail templates (workflows/templates) and of the finding texts
/// (<see cref="Workflow.Cmrt.Evaluation.FindingTexts"/>). The page speaks to someone who has never heard of this
/// service: whose request it is, what is asked and why, and where things stand, never the case machine's state names.
/// </summary>
public sealed partial record SupplierTexts
{
    public required string Language { get; init; }
    /// <summary>How a date reads in this language ("31 March 2027", "2027年3月31日").</summary>
    public required string DateFormat { get; init; }
    /// <summary>Under the company's name in the header; alone when no name is set.</summary>
    public required string Tagline { get; init; }
    public required Func<string, string> Title { get; init; }
    /// <summary>What we ask and why: the company's name (or null), the due date.</summary>
    public required Func<string?, string, string> Intro { get; init; }
    public required string FactsLabel { get; init; }
    public required string Supplier { get; init; }
    public required string Campaign { get; init; }
    public required string Reference { get; init; }
    public required string SendBy { get; init; }
    public required SupplierMessage Waiting { get; init; }
    public required SupplierMessage NeedsCorrection { get; init; }
    public required SupplierMessage Done { get; init; }
    public required SupplierMessage NeedsProductLevel { get; init; }
    public required SupplierMessage UnderReview { get; init; }
    public required SupplierMessage Closed { get; init; }
    public required string UploadHeading { get; init; }
    public required string FileLabel { get; init; }
    public required Func<long, string> FileHint { get; init; }
    public required string UploadButton { get; init; }
    public required string ChooseFile { get; init; }
    public required SupplierMessage Accepted { get; init; }
    public required SupplierMessage Received { get; init; }
    public required SupplierMessage NotYetAccepted { get; init; }
    public required string FoundHeading { get; init; }
    public required string SeverityHeader { get; init; }
    public required string WhereHeader { get; init; }
    public required string WhatHeader { get; init; }
    /// <summary>error / warning / red-flag in words for a supplier.</summary>
    public required Func<string, string> Severity { get; init; }
    /// <summary>Who to contact: the mailbox for questions (or null: reply to the e-mail), the case reference.</summary>
    public required Func<string?, string, string> Contact { get; init; }
    /// <summary>The footer of a page without a case: reply to the e-mail.</summary>
    public required string ContactUnknown { get; init; }
    public required string InvalidLinkTitle { get; init; }
    public required string InvalidLinkText { get; init; }
    public required string ExpiredTitle { get; init; }
    public required Func<string, string> ExpiredText { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string ClosedTitle { get; init; }
    public required string ClosedText { get; init; }
    public required string UploadTitle { get; init; }
    public required string UploadText { get; init; }
    public required string TooLargeTitle { get; init; }
    public required Func<long, string> TooLargeText { get; init; }
    /// <summary>The file is not a workbook; the argument says what it is, in English ("a PDF document").</summary>
    public required Func<string, string> NotAWorkbook { get; init; }
    public required string TooManyTitle { get; init; }
    public required Func<TimeSpan, string> TooManyText { get; init; }
    /// <summary>The offer to confirm last year's CMRT: campaign, date received, file name.</summary>
    public required Func<string, string, string, string> ConfirmOffer { get; init; }
    public required string ConfirmButton { get; init; }
    public required string ConfirmGone { get; init; }
    public required string LimitTitle { get; init; }
    public required Func<int, string> LimitText { get; init; }

    // A property, not a field: the languages are fields of the other part of this record, initialised in an order a field here could not rely on.
    public static IReadOnlyList<SupplierTexts> All => [English, German, Chinese, Japanese, Spanish, French];

    /// <summary>The texts for a supplier's language code ("de", "de-DE", "zh_CN"); English for any other.</summary>
    public static SupplierTexts For(string? language)
    {
        var code = (language ?? "en").Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code[..dash];
        return All.FirstOrDefault(t => t.Language == code) ?? English;
    }

    public string Date(DateOnly date) => date.ToString(DateFormat, Culture);

    public string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.UtcDateTime));

    private CultureInfo Culture => CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : Language);

    /// <summary>
    /// Where the case stands, in words for the supplier: <paramref name="state"/> is the case's state, <paramref name="stage"/>
    /// its stage within it when known (a product-level request is a stage of Responded).
    /// </summary>
    public SupplierMessage StateOf(string state, string? stage) => state switch
    {
        "Surveyed" => Waiting,
        "Invalid" => NeedsCorrection,
        "Responded" or "Corrected" when stage is "AwaitingProductLevelCmrt" or "ProductLevelRequested" or "ProductLevelReminded" => NeedsProductLevel,
        "Responded" or "Corrected" => Done,
        "Escalated" => UnderReview,
        "Terminated" => Closed,
        _ => Waiting,
    };

    private static long Minutes(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalMinutes));
}
