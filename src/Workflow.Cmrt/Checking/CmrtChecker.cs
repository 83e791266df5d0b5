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
        var findings = new FindingList();
        CompanyFieldChecks.Run(declaration, asOf, findings);
        AnswerChecks.Run(declaration, findings);
        SmelterChecks.Run(declaration, findings);
        ConsistencyChecks.Run(declaration, findings);
        return findings.Items;
    }
}
