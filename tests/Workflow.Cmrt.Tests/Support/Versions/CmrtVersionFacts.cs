using System.Globalization;

namespace Workflow.Cmrt.Tests.Support.Versions;

/// <summary>
/// What is known of one released CMRT (docs/cmrt-format.md): how it was distributed, what J3 prints, the name of its
/// smelter reference tab, and the English question texts. For 4.x and 5.x the texts are a guess (§16) and no test
/// may depend on them; the reader does not read question texts at all.
/// </summary>
public sealed record CmrtVersionFacts(
    string Version,
    string RevisionText,
    string Form,
    string LookupSheet,
    IReadOnlyList<string> MetalQuestionTexts,
    IReadOnlyList<string> CompanyQuestionTexts)
{
    public int Family => int.Parse(Version.Split('.')[0], CultureInfo.InvariantCulture);

    /// <summary>2.x, 3.x and 6.x have layouts by address checked against real workbooks; 4.x and 5.x are found by structure.</summary>
    public bool ReadByAddress => Family is 2 or 3 or 6;
}
