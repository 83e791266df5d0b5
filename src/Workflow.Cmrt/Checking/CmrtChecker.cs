using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>
/// The template's own Checker rules for the declaration's version family, plus what a reviewer checks.
/// Errors make a declaration invalid; warnings are for the reviewer and the supplier.
/// </summary>
public static class CmrtChecker
{
    /// <param name="asOf">"Today" for the effective-date check, passed in so results are reproducible.</param>
    public static IReadOnlyList<Finding> Check(CmrtDeclaration declaration, DateOnly asOf)
    {
        var findings = new FindingList(declaration);
        if (declaration.IsEmptyTemplate)
        {
            // One finding, not forty: every required field is blank because nothing was filled in.
            var rows = declaration.Smelters.Count == 0 ? string.Empty
                : $" The {declaration.Smelters.Count} Smelter List row(s) alone do not make a declaration.";
            findings.Error(FindingCodes.EmptyTemplate, "Declaration",
                $"This is an empty template: the Declaration tab has no company details and no answers.{rows} Fill in the Declaration " +
                "(company name, scope, contact, effective date and the questions) and the Smelter List, then send the file again.",
                CheckerRules.RequiredField, FindingList.Args(("sheet", "Declaration")));
            return findings.Items;
        }
        CompanyFieldChecks.Run(declaration, asOf, findings);
        AnswerChecks.Run(declaration, findings);
        SmelterChecks.Run(declaration, findings);
        ConsistencyChecks.Run(declaration, findings);
        return findings.Items;
    }
}
