using Workflow.Cmrt.Reading.Workbook;
using static Workflow.Cmrt.Reading.Layout.AnswerSets;

namespace Workflow.Cmrt.Reading.Layout;

/// <summary>
/// For 4.x and 5.x, whose addresses were never checked against a real file: finds the question blocks by the
/// repeated "Answer" header in column D and checks every answer against the known vocabulary. Anything that does not
/// fit exactly is reported as an unsupported layout rather than read wrongly.
/// </summary>
internal static class StructuralLayoutProbe
{
    private const int FirstRow = 15;
    private const int LastRow = 140;

    private static readonly HashSet<string> KnownAnswers = new(
        new[] { YesNo, YesNoUnknown, V2Uncertain, V2ResponseRate, V2AllIdentified, V2SuppliersConflictFree, V2ValidatedSmelters,
                V2Verifies, V3ResponseRate, V6ResponseRate, V6Survey, V6Disclosure }
            .SelectMany(s => s).Select(AnswerNormaliser.Key).Append("1"),
        StringComparer.Ordinal);

    public static CmrtLayout Find(SheetData declaration, int family)
    {
        var headerText = Enumerable.Range(FirstRow, LastRow - FirstRow)
            .Select(r => declaration.Text(r, 4))
            .Where(t => t is not null && !KnownAnswers.Contains(AnswerNormaliser.Key(t)))
            .GroupBy(t => t!)
            .Where(g => g.Count() >= 7)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault() ?? throw Unsupported(family, "the question blocks were not found");

        var headers = Enumerable.Range(FirstRow, LastRow - FirstRow).Where(r => declaration.Text(r, 4) == headerText).ToList();
        var metalHeaders = headers.Take(headers.Count - 1).ToList();
        var companyHeader = headers[^1];
        if (metalHeaders.Count != 7) throw Unsupported(family, $"{metalHeaders.Count} per-metal question blocks instead of 7");
        for (var i = 0; i < metalHeaders.Count - 1; i++)
            if (metalHeaders[i + 1] - metalHeaders[i] < 5) throw Unsupported(family, "question blocks overlap");

        var companyRows = new List<int>();
        for (var row = companyHeader + 1; row <= LastRow && declaration.Text(row, 2) is not null; row += 2)
            companyRows.Add(row);
        var expectedCompany = family == 4 ? 10 : 9;
        if (companyRows.Count != expectedCompany)
            throw Unsupported(family, $"{companyRows.Count} company questions instead of {expectedCompany}");

        foreach (var row in metalHeaders.SelectMany(h => Enumerable.Range(h + 1, 4)).Concat(companyRows))
        {
            var answer = declaration.Text(row, 4);
            if (answer is not null && !KnownAnswers.Contains(AnswerNormaliser.Key(answer)))
                throw Unsupported(family, $"Declaration!D{row} holds '{answer}', which is not a known answer");
        }

        string[] responseRates = [.. V3ResponseRate, .. V6ResponseRate];
        var topics = new (MetalTopic Topic, string[] Allowed)[]
        {
            (MetalTopic.IntentionallyAdded, YesNo), (MetalTopic.RemainsInProduct, YesNo),
            (MetalTopic.CoveredCountrySourcing, YesNoUnknown), (MetalTopic.RecycledOrScrap, YesNoUnknown),
            (MetalTopic.SupplierResponse, responseRates), (MetalTopic.AllSmeltersIdentified, YesNo),
            (MetalTopic.AllInformationReported, YesNoUnknown),
        };
        var company = family == 4
            ? new[] { CompanyTopic.Policy, CompanyTopic.PolicyPublic, CompanyTopic.RequiresSuppliersConflictFree,
                      CompanyTopic.RequiresValidatedSmelters, CompanyTopic.DueDiligenceMeasures, CompanyTopic.SurveysSuppliers,
                      CompanyTopic.RequestsSmelterNames, CompanyTopic.ReviewsSupplierInformation, CompanyTopic.CorrectiveAction,
                      CompanyTopic.FilesDisclosure }
            : [CompanyTopic.Policy, CompanyTopic.PolicyPublic, CompanyTopic.RequiresSuppliersConflictFree,
               CompanyTopic.RequiresValidatedSmelters, CompanyTopic.DueDiligenceMeasures, CompanyTopic.SurveysSuppliers,
               CompanyTopic.ReviewsSupplierInformation, CompanyTopic.CorrectiveAction, CompanyTopic.FilesDisclosure];

        return CmrtLayouts.Family3 with
        {
            Family = family,
            // 4.10 introduced the ID input column A of 6.x; reading an empty column A costs nothing in older files.
            Smelters = CmrtLayouts.Family6.Smelters,
            MetalQuestions = metalHeaders.Select((h, i) => new MetalQuestion(i + 1, topics[i].Topic, h + 1, topics[i].Allowed)).ToList(),
            CompanyQuestions = company.Select((t, i) => new CompanyQuestion((char)('A' + i), t, companyRows[i], CompanyAllowed(t))).ToList(),
        };
    }

    /// <summary>
    /// 5.0 reworded F (survey) and I (disclosure) towards the wording 6.0 kept; whether the drop-downs changed with the
    /// words is not known, so the 3.x and the 6.x words are both accepted rather than rejecting a supplier's true answer.
    /// </summary>
    private static string[] CompanyAllowed(CompanyTopic topic) => topic switch
    {
        CompanyTopic.SurveysSuppliers => [.. YesNo.Union(V6Survey)],
        CompanyTopic.FilesDisclosure => [.. YesNo.Union(V6Disclosure)],
        _ => YesNo,
    };

    private static UnreadableWorkbookException Unsupported(int family, string detail) =>
        new($"Unsupported layout: this CMRT {family}.x workbook does not have the expected question structure ({detail}). Please send the declaration in CMRT 6.x.");
}
