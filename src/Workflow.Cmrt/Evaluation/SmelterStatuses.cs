using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Evaluation;

/// <summary>Maps a Smelter List row and the reference list's audit status to the wire status of <see cref="SmelterAssessment"/>.</summary>
public static class SmelterStatuses
{
    public static string Of(SmelterRow row, SmelterReferenceList reference)
    {
        if (row.Kind == SmelterRowKind.NotYetIdentified) return "not-yet-identified";
        var entry = reference.ByCid(row.Cid);
        if (entry is null) return row.Kind == SmelterRowKind.NotListed && row.Cid is null ? "not-listed" : "unknown";
        return entry.AuditStatus?.Trim().ToLowerInvariant() switch
        {
            "conformant" or "compliant" => "conformant",
            "active" or "progressing" => "active",
            null or "" => "not-audited",
            _ => "not-audited",
        };
    }
}
