using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>
/// For every error the checker raises, the revisions whose own Checker tab, data validation or question text ask for
/// it (FINDINGS.md, "Checker"). Read from the ddm 2.00–2.03a and 3.01 workbooks, the ddm 3.00 extract and the RMI
/// 6.01/6.22/6.5 templates; 4.x and 5.x are inferred from the revisions on either side and marked so.
/// </summary>
public static class TemplateRequirements
{
    private static readonly VersionRange Every = new("2.00");
    private static readonly VersionRange From3 = new("3.00");

    public static readonly IReadOnlyList<TemplateRequirement> All =
    [
        new(FindingCodes.RequiredCompanyName, "Checker row \"Company Name\" (2.00 on)", [Every]),
        new(FindingCodes.RequiredScope, "Checker row \"Declaration Scope\" (2.00 on)", [Every]),
        new(FindingCodes.RequiredScopeDescription, "Checker row \"Description of Scope\" when scope is B/C (2.x) or C (3.00 on)", [Every]),
        new(FindingCodes.RequiredContactName, "Checker row \"Authorized Company Representative Name\" (2.x D14), \"Contact Name\" (3.00 on, D15)", [Every]),
        new(FindingCodes.RequiredContactEmail, "Checker row \"Representative Email\" (2.x) / \"Email – Contact\" (3.00 on), D16", [Every]),
        new(FindingCodes.RequiredContactPhone, "Checker row \"Phone – Contact\" (3.00 on); 2.x D17 is optional", [From3]),
        new(FindingCodes.RequiredAuthorizer, "Checker row \"Authorizer\" (3.00 on); 2.x has no authorizer", [From3]),
        new(FindingCodes.RequiredAuthorizerEmail, "Checker row \"Email – Authorizer\" (3.00 on)", [From3]),
        new(FindingCodes.RequiredAuthorizerPhone, "Checker row \"Phone – Authorizer\" (3.00, 3.01; 4.x/5.x inferred); optional from 6.0", [new("3.00", "5.12")]),
        new(FindingCodes.RequiredEffectiveDate, "Checker row \"Date of Completion\" (2.x D18) / \"Effective Date\" (3.00 on, D22)", [Every]),
        new(FindingCodes.RequiredMetalAnswer, "Checker rows per question and metal, conditional on Q1 (2.x), Q1 and Q2 (3.00 on)", [Every]),
        new(FindingCodes.RequiredCompanyAnswer, "Checker rows A–J (2.x, 3.x), A–H (6.x) while any metal is in scope", [Every]),
        new(FindingCodes.EmailInvalid,
            "2.x: data validation on D16 (\"Enter a valid email address\", a '.' after the '@'); 6.x: Checker rows D16 and D20 " +
            "(\"Provide a valid email\", must contain '@'). 3.01 has neither (4.x/5.x unknown)", [new("2.00", "2.03a"), new("6.0")]),
        new(FindingCodes.PolicyUrlMissing,
            "3.00: question B text \"the user shall specify the URL in the comment field\"; 3.01 Checker row \"The URL in the comment field\" " +
            "(G71 must contain \"www\"); 6.x Checker G77. 2.x only asks in the Instructions tab, with no Checker row or validation", [From3]),
        new(FindingCodes.ProductListMissing, "Checker row \"Product List\" when scope is product level (2.00 on)", [Every]),
        new(FindingCodes.SmelterListEmpty, "Checker row \"Smelter List\": at least one smelter named while a metal is in scope (2.00 on)", [Every]),
        new(FindingCodes.SmelterMissingForMetal, "Checker rows \"Smelter List - Tantalum/Tin/Gold/Tungsten\" (6.0 on; 4.x/5.x unknown)", [new("6.0")]),
        new(FindingCodes.SmelterNotListedIncomplete, "Smelter List header marks name and country (*) (2.00 on); 6.x Checker rows for \"Smelter not listed\"", [Every]),
        new(FindingCodes.AnswerNotAllowed, "Drop-down (list data validation) on every answer cell (2.00 on)", [Every]),
        new(FindingCodes.ScopeNotAllowed, "Drop-down on D9 (2.00 on)", [Every]),
        new(FindingCodes.DateInvalid, "Date data validation on D18 (2.x) / D22 (3.00 on)", [Every]),
        new(FindingCodes.DateInFuture, "Input message on the date cell: \"the date this form was completed by your company\" (2.00 on)", [Every]),
        new(FindingCodes.DateBefore2007, "Date data validation: on or after 31-Dec-2006 (2.00 on)", [Every]),
        new(FindingCodes.SmelterMetalInvalid, "Smelter List column B \"Metal (*)\" drop-down (2.00 on)", [Every]),
        new(FindingCodes.SmelterLookupMissing, "Smelter List column C \"Smelter Reference List (*)\" / \"Smelter Look-up (*)\" (2.00 on)", [Every]),
        new(FindingCodes.EmptyTemplate, "Every required field of the Checker is blank (2.00 on)", [Every]),
    ];

    private static readonly Dictionary<string, TemplateRequirement> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static TemplateRequirement? For(string code) => ByCode.GetValueOrDefault(code);

    public static bool IsAskedIn(string code, CmrtVersion version) => For(code)?.IsAskedIn(version) ?? true;
}
