using System.Text.Json;
using Npgsql;
using Workflow.Application.Cases;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Model;

namespace Workflow.Application.YearOverYear;

/// <summary>Finds a case's predecessor and compares the two valid CMRTs' declarations.</summary>
public sealed class CaseYearOverYearQuery(NpgsqlDataSource db)
{
    /// <summary>A red flag is a valid CMRT that needs follow-up, as in the reports.</summary>
    internal const string ValidOutcomes = "('accepted', 'red-flag')";

    public async Task<CaseYearOverYear> GetAsync(Guid caseId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // The carry-over link when the campaign was made from last year's; else the supplier's case in the latest
        // campaign that ended before this one started.
        await using var cmd = new NpgsqlCommand($"""
            select c.id, p.id, p.reference, pk.id, pk.name,
                   (select x.evaluation->'declaration' from workflow.submissions x
                     where x.case_id = c.id and x.outcome in {ValidOutcomes} order by x.received_at desc, x.id desc limit 1)::text,
                   (select x.evaluation->'declaration' from workflow.submissions x
                     where x.case_id = p.id and x.outcome in {ValidOutcomes} order by x.received_at desc, x.id desc limit 1)::text
              from workflow.cases c
              join workflow.campaigns k on k.id = c.campaign_id
              left join workflow.cases p on p.id = coalesce(c.previous_case_id, (
                    select e.id from workflow.cases e join workflow.campaigns ek on ek.id = e.campaign_id
                     where e.supplier_id = c.supplier_id and ek.id <> k.id and ek.period_end < k.period_start
                     order by ek.period_end desc, ek.created_at desc limit 1))
              left join workflow.campaigns pk on pk.id = p.campaign_id
             where c.id = @case
            """, conn);
        cmd.Parameters.AddWithValue("case", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new NotFoundException("Case", caseId);

        var result = new CaseYearOverYear
        {
            CaseId = caseId,
            PreviousCaseId = r.IsDBNull(1) ? null : r.GetGuid(1),
            PreviousCaseReference = r.IsDBNull(2) ? null : r.GetString(2),
            PreviousCampaignId = r.IsDBNull(3) ? null : r.GetGuid(3),
            PreviousCampaignName = r.IsDBNull(4) ? null : r.GetString(4),
        };
        CmrtDeclaration? current, previous;
        try
        {
            current = Read(r.IsDBNull(5) ? null : r.GetString(5));
            previous = Read(r.IsDBNull(6) ? null : r.GetString(6));
        }
        catch (JsonException)
        {
            // An evaluation stored in a shape this version no longer reads: say so rather than fail the case page.
            return result with { Note = "A stored CMRT could not be read back for the comparison; the files themselves are unchanged on the case." };
        }
        result = result with { CurrentVersion = current?.Version, PreviousVersion = previous?.Version };

        if (result.PreviousCaseId is null)
            return result with { Note = "This supplier had no case in an earlier campaign: there is nothing to compare with." };
        if (previous is null)
            return result with { Note = $"The previous case ({result.PreviousCaseReference}, {result.PreviousCampaignName}) has no valid CMRT to compare with." };
        if (current is null)
            return result with { Note = "This case has no valid CMRT yet: the comparison follows once one is received." };

        var changes = DeclarationComparison.Compare(previous, current);
        return result with
        {
            Compared = true,
            SmeltersAdded = changes.SmeltersAdded,
            SmeltersRemoved = changes.SmeltersRemoved,
            AnswersChanged = changes.AnswersChanged,
            ScopeChanged = changes.ScopeChanged,
        };
    }

    /// <summary>The stored declaration, read with the options it was written with; null when absent.</summary>
    internal static CmrtDeclaration? Read(string? json) =>
        json is null or "null" ? null : JsonSerializer.Deserialize<CmrtDeclaration>(json, SubmissionService.EvaluationJson);
}
