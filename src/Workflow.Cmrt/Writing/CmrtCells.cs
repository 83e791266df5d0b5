using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Writing;

/// <summary>One answer cell of a CMRT: text, or a number (dates as OLE Automation dates, as Excel stores them).</summary>
public sealed record CellEdit(string Sheet, int Row, int Column, string? Text, double? Number = null);

/// <summary>
/// The answer cells of a <see cref="CmrtWorkbookSpec"/> in the 6.x layout: company details, the per-metal and
/// company-level answers, Smelter List and Product List rows. Both the project's own writer and the filler of RMI's
/// template use this one map, so the two cannot disagree about where an answer goes.
/// </summary>
public static class CmrtCells
{
    public static IEnumerable<CellEdit> Of(CmrtWorkbookSpec spec)
    {
        const string d = CmrtLayout6.Declaration;
        (string Address, string? Value)[] company =
        [
            ("D8", spec.CompanyName), ("D9", spec.Scope), ("D10", spec.ScopeDescription), ("D12", spec.UniqueId),
            ("D13", spec.UniqueIdAuthority), ("D14", spec.Address), ("D15", spec.ContactName), ("D16", spec.ContactEmail),
            ("D17", spec.ContactPhone), ("D18", spec.AuthorizerName), ("D19", spec.AuthorizerTitle), ("D20", spec.AuthorizerEmail),
            ("D21", spec.AuthorizerPhone),
        ];
        foreach (var (address, value) in company)
            if (value is not null) yield return new CellEdit(d, int.Parse(address.AsSpan(1)), 4, value);
        if (spec.EffectiveDate is { } date)
            yield return new CellEdit(d, 22, 4, null, date.ToDateTime(TimeOnly.MinValue).ToOADate());

        foreach (var (metal, answers) in spec.MetalAnswers)
            for (var q = 1; q <= Math.Min(8, answers.Length); q++)
                if (answers[q - 1] is { } answer) yield return new CellEdit(d, CmrtLayout6.QuestionRow(q, metal), 4, answer);

        for (var i = 0; i < 8; i++)
        {
            if (spec.CompanyAnswers.ElementAtOrDefault(i) is { } answer) yield return new CellEdit(d, CmrtLayout6.CompanyQuestionRow(i), 4, answer);
            if (spec.CompanyComments.ElementAtOrDefault(i) is { } comment) yield return new CellEdit(d, CmrtLayout6.CompanyQuestionRow(i), 7, comment);
        }

        var row = CmrtLayout6.SmelterFirstRow;
        foreach (var line in spec.Smelters)
        {
            string?[] values = [line.Metal, line.LookupName, line.Name, line.Country, line.SmelterId, line.Source, line.Street, line.City, line.StateProvince];
            for (var i = 0; i < values.Length; i++)
                if (values[i] is { } value) yield return new CellEdit(CmrtLayout6.SmelterList, row, 2 + i, value);
            row++;
        }

        row = CmrtLayout6.ProductFirstRow;
        foreach (var product in spec.Products)
        {
            string?[] values = [product.Number, product.Name, product.Comments];
            for (var i = 0; i < values.Length; i++)
                if (values[i] is { } value) yield return new CellEdit(CmrtLayout6.ProductList, row, 2 + i, value);
            row++;
        }
    }
}
