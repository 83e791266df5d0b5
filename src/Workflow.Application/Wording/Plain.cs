using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Application.Wording;

/// <summary>
/// The one place that turns the names code stores (stages, triggers, checker rules, finding codes, sheet locations)
/// into words for people. Pages show these words and keep the code beside them, small; the API keeps the codes.
/// </summary>
/// <remarks>
/// A name without wording falls back to itself split into words ("SomethingNew" → "Something new"), so a page never
/// breaks; a test holds every stage, trigger and finding code the code defines to an entry here.
/// </remarks>
public static partial class Plain
{
    /// <summary>Where a case stands, in a few words (the stage names of the case machine).</summary>
    public static readonly IReadOnlyDictionary<string, string> Stages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NotLaunched"] = "Not asked yet",
        ["Surveyed"] = "Asked for a CMRT",
        ["AwaitingResponse"] = "Waiting for the first CMRT",
        ["Reminded"] = "Reminded, still waiting",
        ["SecondRequestSent"] = "Second request sent, still waiting",
        ["Responded"] = "Valid CMRT on file",
        ["Invalid"] = "CMRT needs corrections",
        ["AwaitingCorrection"] = "Waiting for a corrected CMRT",
        ["CorrectionReminded"] = "Reminded to send a corrected CMRT",
        ["Corrected"] = "Corrected CMRT on file",
        ["ProductLevelRequested"] = "Product-level CMRT requested",
        ["AwaitingProductLevelCmrt"] = "Waiting for a product-level CMRT",
        ["ProductLevelReminded"] = "Reminded to send a product-level CMRT",
        ["Escalated"] = "With management",
        ["EscalationOpen"] = "Waiting for a management decision",
        ["TerminationRecommended"] = "Termination recommended to management",
        ["Terminated"] = "Supplier relationship ended",
    };

    /// <summary>What happened to a case, as a timeline entry's headline (the triggers of the case machine).</summary>
    public static readonly IReadOnlyDictionary<string, string> Triggers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Launched"] = "CMRT requested",
        ["CmrtAccepted"] = "CMRT accepted",
        ["RejectedAsInvalid"] = "CMRT rejected: corrections needed",
        ["Corrected"] = "Corrected CMRT accepted",
        ["RedFlagFound"] = "Red flag found: sent to management",
        ["ProductLevelCmrtRequested"] = "Product-level CMRT requested",
        ["ReminderDue"] = "Reminder sent",
        ["SecondRequestDue"] = "Second request sent",
        ["EscalatedToManagement"] = "Sent to management",
        ["ExtensionGranted"] = "Management extended the deadline",
        ["RiskAccepted"] = "Management accepted the risk",
        ["TerminationRecommended"] = "Termination recommended",
        ["TerminationApproved"] = "Management approved termination",
    };

    /// <summary>The check behind a finding (<c>Finding.Rule</c> of the CMRT checker).</summary>
    public static readonly IReadOnlyDictionary<string, string> CheckerRules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Checker.RequiredField"] = "The template requires this field",
        ["Checker.RequiredAnswer"] = "The template requires this answer",
        ["Checker.EmailFormat"] = "The template asks for a valid e-mail address",
        ["Checker.PolicyUrl"] = "The template asks for the policy's web address",
        ["Checker.ProductList"] = "The template asks for the product list",
        ["Checker.SmelterPerMetal"] = "The template asks for a smelter per metal in scope",
        ["Checker.SmelterList"] = "The template asks for at least one smelter",
        ["Checker.SmelterNotListed"] = "The template asks for name and country of an unlisted smelter",
        ["Review.AllowedAnswers"] = "Answers must be one of the template's choices",
        ["Review.EffectiveDate"] = "The effective date must be a real, past date",
        ["Review.SmelterRows"] = "Each smelter row needs a metal and a smelter",
        ["Review.SmelterIdentification"] = "Smelters should be identified",
        ["Review.Consistency"] = "Answers should agree with each other",
        ["Reader"] = "The file could not be read",
    };

    /// <summary>A finding code as a short title (CMRT checker and policy red flags).</summary>
    public static readonly IReadOnlyDictionary<string, string> FindingCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CMRT-UNREADABLE"] = "File could not be read",
        ["CMRT-EMPTY-TEMPLATE"] = "Template returned empty",
        ["CMRT-REQ-COMPANY-NAME"] = "Company name missing",
        ["CMRT-REQ-SCOPE"] = "Declaration scope missing",
        ["CMRT-REQ-SCOPE-DESCRIPTION"] = "Scope description missing",
        ["CMRT-REQ-CONTACT-NAME"] = "Contact name missing",
        ["CMRT-REQ-CONTACT-EMAIL"] = "Contact e-mail missing",
        ["CMRT-REQ-CONTACT-PHONE"] = "Contact phone missing",
        ["CMRT-REQ-AUTHORIZER"] = "Authorizer missing",
        ["CMRT-REQ-AUTHORIZER-EMAIL"] = "Authorizer e-mail missing",
        ["CMRT-REQ-AUTHORIZER-PHONE"] = "Authorizer phone missing",
        ["CMRT-REQ-EFFECTIVE-DATE"] = "Effective date missing",
        ["CMRT-REQ-METAL-ANSWER"] = "Metal question unanswered",
        ["CMRT-REQ-COMPANY-ANSWER"] = "Company question unanswered",
        ["CMRT-SCOPE-NOT-ALLOWED"] = "Scope is not one of the choices",
        ["CMRT-ANSWER-NOT-ALLOWED"] = "Answer is not one of the choices",
        ["CMRT-EMAIL-INVALID"] = "E-mail address not valid",
        ["CMRT-DATE-INVALID"] = "Date not readable",
        ["CMRT-DATE-IN-FUTURE"] = "Date in the future",
        ["CMRT-DATE-BEFORE-2007"] = "Date before 2007",
        ["CMRT-POLICY-URL-MISSING"] = "Policy web address missing",
        ["CMRT-PRODUCT-LIST-MISSING"] = "Product list empty",
        ["CMRT-SMELTER-LIST-EMPTY"] = "No smelter listed",
        ["CMRT-SMELTER-MISSING-FOR-METAL"] = "No smelter for a metal in scope",
        ["CMRT-SMELTER-NOT-LISTED-INCOMPLETE"] = "Unlisted smelter lacks name or country",
        ["CMRT-SMELTER-METAL-INVALID"] = "Smelter row without a valid metal",
        ["CMRT-SMELTER-LOOKUP-MISSING"] = "Smelter row without a smelter",
        ["CMRT-SMELTER-UNMATCHED"] = "Smelter not recognised",
        ["CMRT-SMELTER-NOT-YET-IDENTIFIED"] = "Smelter not yet identified",
        ["CMRT-SMELTER-METAL-NOT-IN-SCOPE"] = "Smelter for a metal not in scope",
        ["CMRT-INCONSISTENT-ANSWERS"] = "Answers contradict each other",
        ["CMRT-RED-FLAG-COVERED-COUNTRY-SOURCING"] = "Sourcing from the covered countries",
        ["CMRT-RED-FLAG-CAHRA-SOURCING"] = "Sourcing from conflict-affected areas",
        ["CMRT-RED-FLAG-COVERED-COUNTRY-SMELTER"] = "Smelter in a covered country",
        ["CMRT-RED-FLAG-CAHRA-SMELTER"] = "Smelter in a conflict-affected area",
        ["CMRT-RED-FLAG-CONCERN-LIST-SMELTER"] = "Smelter on the list of concern",
        ["CMRT-RED-FLAG-SMELTER-AUDIT-STATUS"] = "Smelter's audit status not acceptable",
        ["CMRT-RED-FLAG-SMELTER-NOT-KNOWN"] = "Smelter not on the reference list",
        ["CMRT-RED-FLAG-SMELTER-NOT-YET-IDENTIFIED"] = "Smelter not yet identified",
        ["CMRT-RED-FLAG-LOW-SUPPLIER-RESPONSE"] = "Low response from the supplier's own suppliers",
        ["CMRT-RED-FLAG-NOT-ALL-SMELTERS-IDENTIFIED"] = "Not all smelters identified",
        ["CMRT-RED-FLAG-COMPANY-LEVEL-SCOPE"] = "Company-level CMRT names a red-flag smelter",
    };

    public static string Stage(string? stage) => Lookup(Stages, stage);

    public static string Trigger(string? trigger) => Lookup(Triggers, trigger);

    public static string FindingCode(string? code) => Lookup(FindingCodes, code);

    /// <summary>
    /// The rule behind a finding or a transition: checker rules in words, the follow-up clock ("follow-up:Reminded")
    /// as the stage whose time ran out; policy rules already carry a sentence as their name and stay as they are.
    /// </summary>
    public static string Rule(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule)) return "";
        if (CheckerRules.TryGetValue(rule, out var words)) return words;
        if (rule.StartsWith("follow-up:", StringComparison.Ordinal))
            return $"Follow-up timer: {Stage(rule["follow-up:".Length..]).ToLowerInvariant()}";
        return LooksLikeCode(rule) ? Words(rule) : rule;
    }

    /// <summary>
    /// A place in the workbook: "Smelter List!79:79" → "Smelter List, row 79", "Declaration!D8" → "Declaration, cell
    /// D8", "Smelter List!B5:B9" → "Smelter List, cells B5 to B9", "file" → "the whole file".
    /// </summary>
    public static string Location(string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return "";
        if (location == "file") return "the whole file";
        var bang = location.LastIndexOf('!');
        var sheet = bang < 0 ? null : location[..bang].Trim('\'');
        var place = bang < 0 ? location : location[(bang + 1)..];
        string? words = null;
        if (RowRange().Match(place) is { Success: true } rows)
            words = rows.Groups[1].Value == rows.Groups[2].Value ? $"row {rows.Groups[1].Value}" : $"rows {rows.Groups[1].Value} to {rows.Groups[2].Value}";
        else if (CellRange().Match(place) is { Success: true } range)
            words = $"cells {range.Groups[1].Value.ToUpperInvariant()} to {range.Groups[2].Value.ToUpperInvariant()}";
        else if (Cell().IsMatch(place))
            words = $"cell {place.ToUpperInvariant()}";
        if (words is null) return location;
        return sheet is null ? char.ToUpperInvariant(words[0]) + words[1..] : $"{sheet}, {words}";
    }

    /// <summary>"1 supplier", "2 suppliers"; <paramref name="plural"/> when adding an s is wrong.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:#,0} {(n == 1 ? singular : plural ?? singular + "s")}");

    private static string Lookup(IReadOnlyDictionary<string, string> words, string? name) =>
        string.IsNullOrWhiteSpace(name) ? "" : words.TryGetValue(name, out var w) ? w : Words(name);

    // A name never worded: "SomethingNew" → "Something new", "SOME-CODE" → "Some code".
    internal static string Words(string name)
    {
        var spaced = PascalBoundary().Replace(name.Replace('-', ' ').Replace('_', ' ').Replace('.', ' '), " ");
        var lower = spaced.ToLowerInvariant().Trim();
        return lower.Length == 0 ? name : char.ToUpperInvariant(lower[0]) + lower[1..];
    }

    private static bool LooksLikeCode(string name) => !name.Contains(' ', StringComparison.Ordinal) && PascalBoundary().IsMatch(name);

    [GeneratedRegex("^([0-9]+):([0-9]+)$")]
    private static partial Regex RowRange();

    [GeneratedRegex("^([A-Za-z]{1,3}[0-9]+):([A-Za-z]{1,3}[0-9]+)$")]
    private static partial Regex CellRange();

    [GeneratedRegex("^[A-Za-z]{1,3}[0-9]+$")]
    private static partial Regex Cell();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex PascalBoundary();
}
