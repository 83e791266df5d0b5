using System.Text.RegularExpressions;
using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>Per-metal and company questions: required answers per the template's conditions, allowed values, policy URL.</summary>
internal static partial class AnswerChecks
{
    public static void Run(CmrtDeclaration d, FindingList findings)
    {
        foreach (var m in d.Metals)
        {
            var metal = m.Metal.ToString();
            // Q1 is always required; Q2 in 3.x–5.x always, in 6.x unless Q1 = No; the rest only for metals in scope.
            Check(findings, m.IntentionallyAdded, metal, required: true);
            if (m.RemainsInProduct is { } q2) Check(findings, q2, metal, required: d.Family < 6 || !m.IntentionallyAdded.IsNo);
            foreach (var cell in new[] { m.CoveredCountrySourcing, m.CahraSourcing, m.RecycledOrScrap, m.SupplierResponse,
                                         m.AllSmeltersIdentified, m.AllInformationReported, m.AllSmeltersCompliant })
                if (cell is not null) Check(findings, cell, metal, required: m.InScope);
        }

        var anyInScope = d.Metals.Any(m => m.InScope);
        var q = d.CompanyQuestions;
        foreach (var cell in new[] { q.Policy, q.PolicyPublic, q.RequiresSuppliersConflictFree, q.RequiresValidatedSmelters,
                                     q.DueDiligenceMeasures, q.SurveysSuppliers, q.RequestsSmelterNames, q.ReviewsSupplierInformation,
                                     q.CorrectiveAction, q.FilesDisclosure })
            if (cell is not null) Check(findings, cell, null, required: anyInScope);

        if (q.PolicyPublic is { IsYes: true } b && !LooksLikeUrl(b.Comment))
        {
            var commentCell = b.Location.Replace("!D", "!G", StringComparison.Ordinal);
            findings.Error(FindingCodes.PolicyUrlMissing, commentCell,
                $"You answered Yes to question B (policy publicly available): enter the policy's web address (URL) in the comment cell {commentCell.Split('!')[1]}.",
                CheckerRules.PolicyUrl, FindingList.Args(("sheet", commentCell.Split('!')[0]), ("cell", commentCell.Split('!')[1])));
        }
    }

    private static void Check(FindingList findings, AnswerCell cell, string? metal, bool required)
    {
        var what = metal is null ? $"question {cell.Question}" : $"question {cell.Question} for {metal}";
        var allowed = cell.Allowed is null ? string.Empty : $" ({string.Join(", ", cell.Allowed)})";
        var where = cell.Location.Split('!');
        var args = FindingList.Args(("sheet", where[0]), ("cell", where.Length > 1 ? where[1] : null), ("question", cell.Question),
            ("metal", metal?.ToLowerInvariant()), ("value", cell.Raw), ("allowed", cell.Allowed is null ? null : string.Join(", ", cell.Allowed)));
        if (cell.Value == Answer.NotAllowed)
            findings.Error(FindingCodes.AnswerNotAllowed, cell.Location,
                $"'{cell.Raw}' is not an allowed answer to {what}; choose one of the drop-down values{allowed}.", CheckerRules.AllowedAnswers, args);
        else if (required && cell.IsBlank)
            findings.Error(metal is null ? FindingCodes.RequiredCompanyAnswer : FindingCodes.RequiredMetalAnswer, cell.Location,
                $"Answer {what} in {cell.Location.Replace("!", " cell ", StringComparison.Ordinal)}{allowed}.", CheckerRules.RequiredAnswer, args);
    }

    /// <summary>The 3.01 Checker looked for "www"; real policies are also given as https://… or a bare domain.</summary>
    internal static bool LooksLikeUrl(string? text) => text is not null && UrlPattern().IsMatch(text);

    [GeneratedRegex(@"(https?://|www\.)\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
