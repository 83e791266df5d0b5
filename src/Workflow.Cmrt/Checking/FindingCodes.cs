namespace Workflow.Cmrt.Checking;

/// <summary>Stable finding codes; scripts and reports group by them. The catalogue with meanings is FINDINGS.md.</summary>
public static class FindingCodes
{
    public const string Unreadable = "CMRT-UNREADABLE";
    public const string EmptyTemplate = "CMRT-EMPTY-TEMPLATE";
    public const string RequiredCompanyName = "CMRT-REQ-COMPANY-NAME";
    public const string RequiredScope = "CMRT-REQ-SCOPE";
    public const string RequiredScopeDescription = "CMRT-REQ-SCOPE-DESCRIPTION";
    public const string RequiredContactName = "CMRT-REQ-CONTACT-NAME";
    public const string RequiredContactEmail = "CMRT-REQ-CONTACT-EMAIL";
    public const string RequiredContactPhone = "CMRT-REQ-CONTACT-PHONE";
    public const string RequiredAuthorizer = "CMRT-REQ-AUTHORIZER";
    public const string RequiredAuthorizerEmail = "CMRT-REQ-AUTHORIZER-EMAIL";
    public const string RequiredAuthorizerPhone = "CMRT-REQ-AUTHORIZER-PHONE";
    public const string RequiredEffectiveDate = "CMRT-REQ-EFFECTIVE-DATE";
    public const string RequiredMetalAnswer = "CMRT-REQ-METAL-ANSWER";
    public const string RequiredCompanyAnswer = "CMRT-REQ-COMPANY-ANSWER";
    public const string ScopeNotAllowed = "CMRT-SCOPE-NOT-ALLOWED";
    public const string AnswerNotAllowed = "CMRT-ANSWER-NOT-ALLOWED";
    public const string EmailInvalid = "CMRT-EMAIL-INVALID";
    public const string DateInvalid = "CMRT-DATE-INVALID";
    public const string DateInFuture = "CMRT-DATE-IN-FUTURE";
    public const string DateBefore2007 = "CMRT-DATE-BEFORE-2007";
    public const string PolicyUrlMissing = "CMRT-POLICY-URL-MISSING";
    public const string ProductListMissing = "CMRT-PRODUCT-LIST-MISSING";
    public const string SmelterListEmpty = "CMRT-SMELTER-LIST-EMPTY";
    public const string SmelterMissingForMetal = "CMRT-SMELTER-MISSING-FOR-METAL";
    public const string SmelterNotListedIncomplete = "CMRT-SMELTER-NOT-LISTED-INCOMPLETE";
    public const string SmelterMetalInvalid = "CMRT-SMELTER-METAL-INVALID";
    public const string SmelterLookupMissing = "CMRT-SMELTER-LOOKUP-MISSING";
    public const string SmelterUnmatched = "CMRT-SMELTER-UNMATCHED";
    public const string SmelterNotYetIdentified = "CMRT-SMELTER-NOT-YET-IDENTIFIED";
    public const string SmelterMetalNotInScope = "CMRT-SMELTER-METAL-NOT-IN-SCOPE";
    public const string InconsistentAnswers = "CMRT-INCONSISTENT-ANSWERS";
}
