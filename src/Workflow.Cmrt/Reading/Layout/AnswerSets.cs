namespace Workflow.Cmrt.Reading.Layout;

/// <summary>The templates' drop-down constants (language-independent English), per version family.</summary>
internal static class AnswerSets
{
    public static readonly string[] YesNo = ["Yes", "No"];
    public static readonly string[] YesNoUnknown = ["Yes", "No", "Unknown"];
    public static readonly string[] V2Uncertain = ["Yes", "No", "Uncertain or Unknown"];
    public static readonly string[] V2ResponseRate = ["Yes", "No but > 75%", "No but > 50%", "No but > 25%", "No but < 25%", "No - none"];
    public static readonly string[] V2AllIdentified = ["Yes all smelters have been provided", "No"];
    public static readonly string[] V2SuppliersConflictFree = ["Yes", "Yes included in standard contract language", "No"];
    public static readonly string[] V2ValidatedSmelters = ["Yes", "No", "Planned once lists become available"];
    public static readonly string[] V2Verifies = ["Yes (3rd party audit)", "Yes (documentation review only)", "Yes (internal audit)", "Yes (all methods apply)", "No"];
    public static readonly string[] V3ResponseRate =
        ["Yes, 100%", "No, but greater than 75%", "No, but greater than 50%", "No, but greater than 25%", "No, but less than 25%", "None"];
    public static readonly string[] V6ResponseRate = ["100%", "Greater than 90%", "Greater than 75%", "Greater than 50%", "50% or less", "None"];
    public static readonly string[] V6Survey = ["Yes, in conformance with IPC1755 (e.g., CMRT)", "Yes, using other format (describe)", "No"];
    public static readonly string[] V6Disclosure = ["Yes, with the SEC", "Yes, with the EU", "Yes, with the SEC and the EU", "No"];
}
