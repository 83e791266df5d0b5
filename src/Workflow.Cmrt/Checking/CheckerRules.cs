namespace Workflow.Cmrt.Checking;

/// <summary>Names put in <see cref="Evaluation.Finding.Rule"/>: "Checker.*" mirror the template's Checker tab, "Review.*" are reviewer checks.</summary>
public static class CheckerRules
{
    public const string RequiredField = "Checker.RequiredField";
    public const string RequiredAnswer = "Checker.RequiredAnswer";
    public const string EmailFormat = "Checker.EmailFormat";
    public const string PolicyUrl = "Checker.PolicyUrl";
    public const string ProductList = "Checker.ProductList";
    public const string SmelterPerMetal = "Checker.SmelterPerMetal";
    public const string SmelterListFilled = "Checker.SmelterList";
    public const string SmelterNotListed = "Checker.SmelterNotListed";
    public const string AllowedAnswers = "Review.AllowedAnswers";
    public const string EffectiveDate = "Review.EffectiveDate";
    public const string SmelterRows = "Review.SmelterRows";
    public const string SmelterIdentification = "Review.SmelterIdentification";
    public const string Consistency = "Review.Consistency";
    public const string Reader = "Reader";
}
