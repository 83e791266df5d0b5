using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reading.Layout;

namespace Workflow.Cmrt.Writing;

/// <summary>One answer cell of a CMRT: text, or a number (dates as OLE Automation dates, as Excel stores them).</summary>
public sealed record CellEdit(string Sheet, int Row, int Column, string? Text, double? Number = null);

/// <summary>
/// The answer cells of a <see cref="CmrtWorkbookSpec"/> in its version's layout (2.x, 3.x or 6.x): company details,
/// the per-metal and company-level answers, Smelter List and Product List rows. The map is the reader's own
/// (<see cref="CmrtLayouts"/>), and both the project's writer and the filler of RMI's template use it, so what is
/// written is where the reader looks.
/// </summary>
public static class CmrtCells
{
    private const string Declaration = CmrtLayout6.Declaration;

    public static IEnumerable<CellEdit> Of(CmrtWorkbookSpec spec)
    {
        var layout = LayoutOf(spec.Version);
        var fields = layout.Fields;
        (int Row, string? Value)[] company =
        [
            (fields.Name, spec.CompanyName), (fields.Scope, spec.Scope), (fields.ScopeDescription, spec.ScopeDescription),
            (fields.UniqueId, spec.UniqueId), (fields.UniqueIdAuthority, spec.UniqueIdAuthority), (fields.Address, spec.Address),
            (fields.ContactName, spec.ContactName), (fields.ContactEmail, spec.ContactEmail), (fields.ContactPhone, spec.ContactPhone),
            (fields.AuthorizerName, spec.AuthorizerName), (fields.AuthorizerTitle, spec.AuthorizerTitle),
            (fields.AuthorizerEmail, spec.AuthorizerEmail), (fields.AuthorizerPhone, spec.AuthorizerPhone),
        ];
        // 2.x has one representative for contact and authorizer: the first value given for a row wins.
        var written = new HashSet<int>();
        foreach (var (row, value) in company)
            if (row > 0 && value is not null && written.Add(row)) yield return new CellEdit(Declaration, row, 4, value);
        if (spec.EffectiveDate is { } date)
            yield return new CellEdit(Declaration, fields.EffectiveDate, 4, null, date.ToDateTime(TimeOnly.MinValue).ToOADate());

        foreach (var (metal, answers) in spec.MetalAnswers)
            for (var q = 1; q <= Math.Min(layout.MetalQuestions.Count, answers.Length); q++)
                if (answers[q - 1] is { } answer)
                    yield return new CellEdit(Declaration, layout.MetalQuestions[q - 1].FirstAnswerRow + (int)metal, 4, answer);

        for (var i = 0; i < layout.CompanyQuestions.Count; i++)
        {
            var row = layout.CompanyQuestions[i].Row;
            if (spec.CompanyAnswers.ElementAtOrDefault(i) is { } answer) yield return new CellEdit(Declaration, row, 4, answer);
            if (spec.CompanyComments.ElementAtOrDefault(i) is { } comment) yield return new CellEdit(Declaration, row, 7, comment);
        }

        var columns = layout.Smelters;
        var smelterRow = CmrtLayout.SmelterFirstRow;
        foreach (var line in spec.Smelters)
        {
            (int Column, string? Value)[] values =
            [
                (columns.Metal, line.Metal), (columns.Lookup, line.LookupName), (columns.Name, line.Name), (columns.Country, line.Country),
                (columns.Id, line.SmelterId), (SourceColumn(columns), line.Source), (columns.Street, line.Street), (columns.City, line.City),
                (columns.State, line.StateProvince),
            ];
            foreach (var (column, value) in values)
                if (column > 0 && value is not null) yield return new CellEdit(CmrtLayout6.SmelterList, smelterRow, column, value);
            smelterRow++;
        }

        var productRow = CmrtLayout.ProductFirstRow;
        foreach (var product in spec.Products)
        {
            string?[] values = [product.Number, product.Name, product.Comments];
            for (var i = 0; i < values.Length; i++)
                if (values[i] is { } value) yield return new CellEdit(CmrtLayout6.ProductList, productRow, 2 + i, value);
            productRow++;
        }
    }

    /// <summary>The verified layout of <paramref name="version"/> ("2.03a", "3.01", "6.5", ...).</summary>
    internal static CmrtLayout LayoutOf(string version) =>
        CmrtLayouts.ByAddress(VersionDetector.FamilyOf(version), version)
        ?? throw new ArgumentException($"No verified cell layout for CMRT version {version}; the writer knows 2.x, 3.x and 6.x.", nameof(version));

    /// <summary>"Source of Smelter Identification Number" sits right after the identifier from 3.0 on; 2.x has none.</summary>
    internal static int SourceColumn(SmelterColumns columns) => columns.Street == columns.Id + 2 ? columns.Id + 1 : 0;
}
