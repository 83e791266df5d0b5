using static Workflow.Cmrt.Reading.Layout.AnswerSets;

namespace Workflow.Cmrt.Reading.Layout;

/// <summary>The verified layouts by address (docs/cmrt-format.md §5–§8): 2.00–2.03a, 3.00–3.02, 6.01–6.x.</summary>
internal static class CmrtLayouts
{
    private static readonly CompanyFieldRows V2Fields = new(
        Name: 8, Scope: 9, ScopeDescription: 10, UniqueId: 12, UniqueIdAuthority: 0, Address: 13,
        ContactName: 14, ContactEmail: 16, ContactPhone: 17,
        // 2.x has one "Authorized Company Representative" who is both contact and authorizer.
        AuthorizerName: 14, AuthorizerTitle: 15, AuthorizerEmail: 16, AuthorizerPhone: 17, EffectiveDate: 18);

    private static readonly CompanyFieldRows V3Fields = new(
        Name: 8, Scope: 9, ScopeDescription: 10, UniqueId: 12, UniqueIdAuthority: 13, Address: 14,
        ContactName: 15, ContactEmail: 16, ContactPhone: 17,
        AuthorizerName: 18, AuthorizerTitle: 19, AuthorizerEmail: 20, AuthorizerPhone: 21, EffectiveDate: 22);

    public static readonly CmrtLayout Family2 = new()
    {
        Family = 2,
        Fields = V2Fields,
        MetalQuestions =
        [
            new(1, MetalTopic.IntentionallyAdded, 22, YesNo),
            new(2, MetalTopic.CoveredCountrySourcing, 28, V2Uncertain),
            new(3, MetalTopic.RecycledOrScrap, 34, V2Uncertain),
            new(4, MetalTopic.SupplierResponse, 40, V2ResponseRate),
            new(5, MetalTopic.AllSmeltersIdentified, 46, V2AllIdentified),
            new(6, MetalTopic.AllSmeltersCompliant, 52, YesNoUnknown),
        ],
        CompanyQuestions = Company(59,
            (CompanyTopic.Policy, YesNo), (CompanyTopic.PolicyPublic, YesNo),
            (CompanyTopic.RequiresSuppliersConflictFree, V2SuppliersConflictFree),
            (CompanyTopic.RequiresValidatedSmelters, V2ValidatedSmelters),
            (CompanyTopic.DueDiligenceMeasures, YesNo), (CompanyTopic.SurveysSuppliers, YesNo),
            (CompanyTopic.RequestsSmelterNames, YesNo), (CompanyTopic.ReviewsSupplierInformation, V2Verifies),
            (CompanyTopic.CorrectiveAction, YesNo), (CompanyTopic.FilesDisclosure, YesNo)),
        Smelters = new SmelterColumns
        {
            Id = 6, Street = 7, City = 8, State = 9, ContactName = 10, ContactEmail = 11, NextSteps = 12,
            MineName = 13, MineCountry = 14, Comments = 15,
        },
        SmelterRevisionCell = "O3",
    };

    /// <summary>2.00 and 2.01 had no Smelter ID column (a hidden column A held a looked-up V2 ID).</summary>
    public static readonly CmrtLayout Family2Early = Family2 with
    {
        Smelters = new SmelterColumns
        {
            Id = 1, Street = 6, City = 7, State = 8, ContactName = 9, ContactEmail = 10, NextSteps = 11,
            MineName = 12, MineCountry = 13, Comments = 14,
        },
        SmelterRevisionCell = "N3",
    };

    public static readonly CmrtLayout Family3 = new()
    {
        Family = 3,
        Fields = V3Fields,
        MetalQuestions =
        [
            new(1, MetalTopic.IntentionallyAdded, 26, YesNo),
            new(2, MetalTopic.RemainsInProduct, 32, YesNo),
            new(3, MetalTopic.CoveredCountrySourcing, 38, YesNoUnknown),
            new(4, MetalTopic.RecycledOrScrap, 44, YesNoUnknown),
            new(5, MetalTopic.SupplierResponse, 50, V3ResponseRate),
            new(6, MetalTopic.AllSmeltersIdentified, 56, YesNo),
            new(7, MetalTopic.AllInformationReported, 62, YesNoUnknown),
        ],
        CompanyQuestions = Company(69,
            (CompanyTopic.Policy, YesNo), (CompanyTopic.PolicyPublic, YesNo),
            (CompanyTopic.RequiresSuppliersConflictFree, YesNo), (CompanyTopic.RequiresValidatedSmelters, YesNo),
            (CompanyTopic.DueDiligenceMeasures, YesNo), (CompanyTopic.SurveysSuppliers, YesNo),
            (CompanyTopic.RequestsSmelterNames, YesNo), (CompanyTopic.ReviewsSupplierInformation, YesNo),
            (CompanyTopic.CorrectiveAction, YesNo), (CompanyTopic.FilesDisclosure, YesNo)),
        Smelters = new SmelterColumns
        {
            Id = 6, Street = 8, City = 9, State = 10, ContactName = 11, ContactEmail = 12, NextSteps = 13,
            MineName = 14, MineCountry = 15, Recycled = 16, Comments = 17,
        },
        SmelterRevisionCell = "Q3",
    };

    public static readonly CmrtLayout Family6 = new()
    {
        Family = 6,
        Fields = V3Fields,
        MetalQuestions =
        [
            new(1, MetalTopic.IntentionallyAdded, 26, YesNo),
            new(2, MetalTopic.RemainsInProduct, 32, YesNo),
            new(3, MetalTopic.CoveredCountrySourcing, 38, YesNoUnknown),
            new(4, MetalTopic.CahraSourcing, 44, YesNoUnknown),
            new(5, MetalTopic.RecycledOrScrap, 50, YesNoUnknown),
            new(6, MetalTopic.SupplierResponse, 56, V6ResponseRate),
            new(7, MetalTopic.AllSmeltersIdentified, 62, YesNo),
            new(8, MetalTopic.AllInformationReported, 68, YesNo),
        ],
        CompanyQuestions = Company(75,
            (CompanyTopic.Policy, YesNo), (CompanyTopic.PolicyPublic, YesNo),
            (CompanyTopic.RequiresValidatedSmelters, YesNo), (CompanyTopic.DueDiligenceMeasures, YesNo),
            (CompanyTopic.SurveysSuppliers, V6Survey), (CompanyTopic.ReviewsSupplierInformation, YesNo),
            (CompanyTopic.CorrectiveAction, YesNo), (CompanyTopic.FilesDisclosure, V6Disclosure)),
        Smelters = Family3.Smelters with { IdInput = 1 },
        SmelterRevisionCell = "Q3",
    };

    /// <summary>Returns null for families whose addresses are not verified (4.x, 5.x): those are found by structure.</summary>
    public static CmrtLayout? ByAddress(int family, string version) => family switch
    {
        2 when version is "2" or "2.0" or "2.00" or "2.01" => Family2Early,
        2 => Family2,
        3 => Family3,
        6 => Family6,
        _ => null,
    };

    internal static IReadOnlyList<CompanyQuestion> Company(int firstRow, params (CompanyTopic Topic, string[] Allowed)[] questions) =>
        questions.Select((q, i) => new CompanyQuestion((char)('A' + i), q.Topic, firstRow + 2 * i, q.Allowed)).ToList();
}
