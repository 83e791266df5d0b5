namespace Workflow.Rules.Facts;

/// <summary>Step 4 audit status words, as recorded in <see cref="Workflow.Cmrt.Evaluation.SmelterAssessment.Status"/>.</summary>
public static class SmelterAuditStatus
{
    public const string Conformant = "conformant";
    public const string Active = "active";
    public const string NotAudited = "not-audited";
    public const string Unknown = "unknown";
    public const string NotListed = "not-listed";
    public const string NotYetIdentified = "not-yet-identified";
}
