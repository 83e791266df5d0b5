namespace Workflow.Cmrt.Model;

/// <summary>
/// The per-metal questions mapped to version-independent meanings (see docs: "Cross-version mapping").
/// A question the version does not ask is null.
/// </summary>
public sealed record MetalAnswers
{
    public required Metal Metal { get; init; }
    /// <summary>2.x Q1 "necessary", 3.x Q1 "intentionally added", 6.x Q1 "intentionally added or used".</summary>
    public required AnswerCell IntentionallyAdded { get; init; }
    /// <summary>3.x Q2 "necessary and contained", 6.x Q2 "remains in the product"; null for 2.x.</summary>
    public AnswerCell? RemainsInProduct { get; init; }
    /// <summary>2.x Q2, 3.x Q3, 6.x Q3.</summary>
    public required AnswerCell CoveredCountrySourcing { get; init; }
    /// <summary>6.x Q4 only.</summary>
    public AnswerCell? CahraSourcing { get; init; }
    /// <summary>2.x Q3 (from a recycler or scrap supplier), 3.x Q4, 6.x Q5 (100% recycled or scrap).</summary>
    public required AnswerCell RecycledOrScrap { get; init; }
    /// <summary>2.x Q4, 3.x Q5, 6.x Q6.</summary>
    public required AnswerCell SupplierResponse { get; init; }
    public ResponseRate? ResponseRate { get; init; }
    /// <summary>2.x Q5, 3.x Q6, 6.x Q7.</summary>
    public required AnswerCell AllSmeltersIdentified { get; init; }
    /// <summary>3.x Q7, 6.x Q8; null for 2.x.</summary>
    public AnswerCell? AllInformationReported { get; init; }
    /// <summary>2.x Q6 "all smelters validated as compliant"; null from 3.x on.</summary>
    public AnswerCell? AllSmeltersCompliant { get; init; }

    /// <summary>
    /// The template's own notion of "in scope" for this version: 2.x Q1 not No; 3.x Q1 or Q2 not No;
    /// 6.x neither Q1 nor Q2 is No.
    /// </summary>
    public required bool InScope { get; init; }
}
