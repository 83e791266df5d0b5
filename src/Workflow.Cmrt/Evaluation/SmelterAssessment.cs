namespace Workflow.Cmrt.Evaluation;

/// <summary>What the evaluation concluded about one named smelter (OECD step 4: audit status recorded, not audited by us).</summary>
public sealed record SmelterAssessment(
    string Metal,
    string? Name,
    string? Country,
    string? Cid,
    /// <summary>conformant | active | not-audited | unknown | not-listed | not-yet-identified</summary>
    string Status,
    bool RedFlag);
