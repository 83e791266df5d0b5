using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>The CMRT 6.x drop-down answers the roll-up may use, per question, and the response-rate bands.</summary>
public static class RollupAnswers
{
    private static readonly string[] YesNo = ["Yes", "No"];
    private static readonly string[] YesNoUnknown = ["Yes", "No", "Unknown"];
    public static readonly string[] ResponseRate = ["100%", "Greater than 90%", "Greater than 75%", "Greater than 50%", "50% or less", "None"];
    public const string SurveyIpc1755 = "Yes, in conformance with IPC1755 (e.g., CMRT)";
    private static readonly string[] Survey = [SurveyIpc1755, "Yes, using other format (describe)", "No"];
    private static readonly string[] Disclosure = ["Yes, with the SEC", "Yes, with the EU", "Yes, with the SEC and the EU", "No"];

    public static readonly string[] Scopes = ["A. Company", "B. Product (or List of Products)", "C. User defined [Specify in 'Description of scope']"];

    /// <summary>Allowed answers of metal question 1–8.</summary>
    public static IReadOnlyList<string> ForMetalQuestion(int question) => question switch
    {
        3 or 4 or 5 => YesNoUnknown,
        6 => ResponseRate,
        _ => YesNo,
    };

    /// <summary>Allowed answers of company question A–H (index 0–7).</summary>
    public static IReadOnlyList<string> ForCompanyQuestion(int index) => index switch
    {
        4 => Survey,
        7 => Disclosure,
        _ => YesNo,
    };

    /// <summary>Q6 band for the share of surveyed suppliers that responded: strictly greater than each threshold.</summary>
    public static string Band(int responded, int surveyed)
    {
        if (surveyed == 0 || responded == 0) return "None";
        if (responded >= surveyed) return "100%";
        var share = 100.0 * responded / surveyed;
        return share > 90 ? "Greater than 90%" : share > 75 ? "Greater than 75%" : share > 50 ? "Greater than 50%" : "50% or less";
    }
}
