namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// One thing a reviewer (the checker or a policy rule) has to say about a submission.
/// <paramref name="Code"/> is stable (scripts and reports group by it); <paramref name="Location"/> is "Sheet!Cell"
/// or a sheet name; <paramref name="Message"/> is written for the supplier; <paramref name="Rule"/> names the check
/// or policy rule that produced it.
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Location, string Message, string Rule)
{
    /// <summary>For policy findings: the OECD step (1–5), else null.</summary>
    public int? OecdStep { get; init; }
    /// <summary>For policy findings: the policy version that produced it.</summary>
    public string? PolicyVersion { get; init; }
    /// <summary>A one-line reason a manager understands.</summary>
    public string? Because { get; init; }
    /// <summary>The smelter CID the finding is about, if any.</summary>
    public string? Cid { get; init; }
    /// <summary>
    /// The values the message was built from, by placeholder name ({sheet}, {row}, {cell}, {value}…), so the message can be
    /// shown in the supplier's language (<see cref="FindingTexts"/>); null for findings without a translated text.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Arguments { get; init; }
}
