using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Assessment;

/// <summary>
/// Maps a reference list's own status word onto the Step 4 vocabulary. CFSI-era lists said Compliant / Active /
/// Progressing; RMAP says Conformant / Active (and Cross-Recognized for LBMA/RJC-recognised refiners).
/// </summary>
public static class AuditStatusClassifier
{
    public static string Classify(SmelterRow row, SmelterReference? reference)
    {
        if (row.Kind == SmelterRowKind.NotYetIdentified) return SmelterAuditStatus.NotYetIdentified;
        if (reference is null) return SmelterAuditStatus.NotListed;
        if (string.IsNullOrWhiteSpace(reference.AuditStatus)) return SmelterAuditStatus.Unknown;
        return AuditStatusWords.Normalise(reference.AuditStatus) switch
        {
            "conformant" or "compliant" or "cross-recognized" or "cross-recognised" => SmelterAuditStatus.Conformant,
            "active" or "progressing" => SmelterAuditStatus.Active,
            _ => SmelterAuditStatus.NotAudited,
        };
    }
}
