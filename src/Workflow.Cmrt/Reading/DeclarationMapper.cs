using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading.Layout;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>Turns the Declaration sheet into version-independent meanings using a layout.</summary>
internal static class DeclarationMapper
{
    public static CompanyInfo Company(SheetData sheet, CompanyFieldRows rows, bool date1904)
    {
        string? D(int row) => row == 0 ? null : sheet.Text(row, 4);
        var dateCell = sheet.Get(rows.EffectiveDate, 4);
        return new CompanyInfo
        {
            Name = D(rows.Name),
            UniqueId = D(rows.UniqueId),
            UniqueIdAuthority = D(rows.UniqueIdAuthority),
            Address = D(rows.Address),
            ContactName = D(rows.ContactName),
            ContactEmail = D(rows.ContactEmail),
            ContactPhone = D(rows.ContactPhone),
            AuthorizerName = D(rows.AuthorizerName),
            AuthorizerTitle = D(rows.AuthorizerTitle),
            AuthorizerEmail = D(rows.AuthorizerEmail),
            AuthorizerPhone = D(rows.AuthorizerPhone),
            EffectiveDate = ExcelDates.From(dateCell, date1904),
            EffectiveDateRaw = D(rows.EffectiveDate),
        };
    }

    private static readonly (string Prefix, DeclarationScope Scope)[] V2Scopes =
    [
        ("acompany", DeclarationScope.Company), ("bdivision", DeclarationScope.Division),
        ("cproductcategory", DeclarationScope.ProductCategory), ("dproduct", DeclarationScope.Product),
    ];

    private static readonly (string Prefix, DeclarationScope Scope)[] V3Scopes =
    [
        ("acompany", DeclarationScope.Company), ("bproduct", DeclarationScope.Product), ("cuserdefined", DeclarationScope.UserDefined),
    ];

    /// <summary>Matched on the drop-down text's start ("B. Product (or List of Products)"), so that the letter counts:
    /// "D. Product Level" is a 2.x choice and not allowed in later versions.</summary>
    public static DeclarationScope Scope(string? raw, int family)
    {
        var key = AnswerNormaliser.Key(raw);
        if (key.Length == 0) return DeclarationScope.Missing;
        foreach (var (prefix, scope) in family == 2 ? V2Scopes : V3Scopes)
            if (key.StartsWith(prefix, StringComparison.Ordinal) || key.StartsWith(prefix[1..], StringComparison.Ordinal)) return scope;
        return DeclarationScope.NotAllowed;
    }

    public static IReadOnlyList<MetalAnswers> Metals(SheetData sheet, CmrtLayout layout)
    {
        var result = new List<MetalAnswers>(4);
        foreach (var metal in Enum.GetValues<Metal>())
        {
            AnswerCell? Ask(MetalTopic topic)
            {
                var q = layout.Question(topic);
                if (q is null) return null;
                var row = q.FirstAnswerRow + (int)metal;
                var cell = sheet.Get(row, 4);
                return AnswerNormaliser.Interpret(cell.IsError ? null : cell.Text, cell.Number, q.Allowed, $"Declaration!D{row}", sheet.Text(row, 7), $"Q{q.Number}");
            }

            var added = Ask(MetalTopic.IntentionallyAdded)!;
            var remains = Ask(MetalTopic.RemainsInProduct);
            var response = Ask(MetalTopic.SupplierResponse)!;
            var inScope = layout.Family switch
            {
                2 => !added.IsNo,
                6 => !added.IsNo && !(remains?.IsNo ?? false),
                _ => !(added.IsNo && (remains?.IsNo ?? true)),
            };
            result.Add(new MetalAnswers
            {
                Metal = metal,
                IntentionallyAdded = added,
                RemainsInProduct = remains,
                CoveredCountrySourcing = Ask(MetalTopic.CoveredCountrySourcing)!,
                CahraSourcing = Ask(MetalTopic.CahraSourcing),
                RecycledOrScrap = Ask(MetalTopic.RecycledOrScrap)!,
                SupplierResponse = response,
                ResponseRate = AnswerNormaliser.Rate(response),
                AllSmeltersIdentified = Ask(MetalTopic.AllSmeltersIdentified)!,
                AllInformationReported = Ask(MetalTopic.AllInformationReported),
                AllSmeltersCompliant = Ask(MetalTopic.AllSmeltersCompliant),
                InScope = inScope,
            });
        }
        return result;
    }

    public static CompanyAnswers CompanyQuestions(SheetData sheet, CmrtLayout layout)
    {
        AnswerCell? Ask(CompanyTopic topic)
        {
            var q = layout.CompanyQuestions.FirstOrDefault(c => c.Topic == topic);
            if (q is null) return null;
            var cell = sheet.Get(q.Row, 4);
            return AnswerNormaliser.Interpret(cell.IsError ? null : cell.Text, cell.Number, q.Allowed, $"Declaration!D{q.Row}", sheet.Text(q.Row, 7), q.Letter.ToString());
        }

        return new CompanyAnswers
        {
            Policy = Ask(CompanyTopic.Policy),
            PolicyPublic = Ask(CompanyTopic.PolicyPublic),
            RequiresSuppliersConflictFree = Ask(CompanyTopic.RequiresSuppliersConflictFree),
            RequiresValidatedSmelters = Ask(CompanyTopic.RequiresValidatedSmelters),
            DueDiligenceMeasures = Ask(CompanyTopic.DueDiligenceMeasures),
            SurveysSuppliers = Ask(CompanyTopic.SurveysSuppliers),
            RequestsSmelterNames = Ask(CompanyTopic.RequestsSmelterNames),
            ReviewsSupplierInformation = Ask(CompanyTopic.ReviewsSupplierInformation),
            CorrectiveAction = Ask(CompanyTopic.CorrectiveAction),
            FilesDisclosure = Ask(CompanyTopic.FilesDisclosure),
        };
    }

    public static IReadOnlyList<ProductRow> Products(SheetData? sheet)
    {
        if (sheet is null) return [];
        var rows = new List<ProductRow>();
        for (var row = CmrtLayout.ProductFirstRow; row <= sheet.MaxRow; row++)
        {
            var number = sheet.Text(row, 2);
            var name = sheet.Text(row, 3);
            if (TemplateBlocks.StartAt(sheet, row, 4)) break;
            if (number is null && name is null) continue;
            rows.Add(new ProductRow(row, number ?? string.Empty, name, sheet.Text(row, 4)));
        }
        return rows;
    }
}
