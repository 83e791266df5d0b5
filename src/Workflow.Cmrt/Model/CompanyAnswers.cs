namespace Workflow.Cmrt.Model;

/// <summary>
/// Company-level questions mapped to meanings across the letter changes between versions
/// (2.x/3.x A–J, 5.x A–I, 6.x A–H). A question the version does not ask is null.
/// </summary>
public sealed record CompanyAnswers
{
    /// <summary>A in every version.</summary>
    public AnswerCell? Policy { get; init; }
    /// <summary>B; the URL is in <see cref="AnswerCell.Comment"/>.</summary>
    public AnswerCell? PolicyPublic { get; init; }
    /// <summary>C in 2.x–5.x; removed in 6.0.</summary>
    public AnswerCell? RequiresSuppliersConflictFree { get; init; }
    /// <summary>D in 2.x–5.x, C in 6.x.</summary>
    public AnswerCell? RequiresValidatedSmelters { get; init; }
    /// <summary>E in 2.x–5.x, D in 6.x.</summary>
    public AnswerCell? DueDiligenceMeasures { get; init; }
    /// <summary>F in 2.x–5.x, E in 6.x.</summary>
    public AnswerCell? SurveysSuppliers { get; init; }
    /// <summary>G in 2.x–4.x; removed in 5.0.</summary>
    public AnswerCell? RequestsSmelterNames { get; init; }
    /// <summary>H in 2.x–4.x, G in 5.x, F in 6.x (verifies / reviews supplier information).</summary>
    public AnswerCell? ReviewsSupplierInformation { get; init; }
    /// <summary>I in 2.x–4.x, H in 5.x, G in 6.x.</summary>
    public AnswerCell? CorrectiveAction { get; init; }
    /// <summary>J in 2.x–4.x, I in 5.x, H in 6.x.</summary>
    public AnswerCell? FilesDisclosure { get; init; }
}
