using Microsoft.Extensions.Options;
using Npgsql;
using Workflow.Application.Cases;
using Workflow.Application.Submissions;

namespace Workflow.Application.Confirmations;

/// <summary>
/// "Nothing changed since last year's CMRT": the supplier confirms its last valid CMRT through its link, and the same
/// file is submitted again on this year's case (channel <see cref="SubmissionChannels.Confirmation"/>), evaluated under
/// this campaign's policy and reference list like any upload, so the confirmation is a response on record.
/// </summary>
public sealed class CmrtConfirmations(NpgsqlDataSource db, SubmissionService submissions, IOptionsMonitor<ConfirmationOptions> options, TimeProvider clock)
{
    /// <summary>The CMRT the case's supplier may confirm, or null (none recent, or this case already has a submission).</summary>
    public async Task<PreviousDeclaration?> ConfirmableAsync(Guid caseId, CancellationToken ct)
    {
        var months = options.CurrentValue.ConfirmWithinMonths;
        if (months <= 0) return null;
        // Valid means accepted or received with red flags (the supplier answered properly); an invalid file is not
        // something to confirm. The previous case of a carried-over campaign comes first, then any earlier case.
        await using var cmd = db.CreateCommand("""
            select s.id, p.id, k.name, s.received_at, s.file_name, s.template_version
              from workflow.cases c
              join workflow.cases p on p.supplier_id = c.supplier_id and p.id <> c.id
              join workflow.campaigns k on k.id = p.campaign_id
              join workflow.submissions s on s.case_id = p.id
             where c.id = @case and s.outcome in ('accepted', 'red-flag') and s.received_at >= @since and s.purged_at is null
               and not exists (select 1 from workflow.submissions x where x.case_id = c.id)
             order by (p.id = c.previous_case_id) desc, s.received_at desc
             limit 1
            """);
        cmd.Parameters.AddWithValue("case", caseId);
        cmd.Parameters.AddWithValue("since", clock.GetUtcNow().AddMonths(-months));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new PreviousDeclaration(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5))
            : null;
    }

    /// <exception cref="NoConfirmableDeclarationException">Nothing to confirm (any more).</exception>
    public async Task<SubmissionResult> ConfirmAsync(Guid caseId, string actor, CancellationToken ct)
    {
        var previous = await ConfirmableAsync(caseId, ct) ?? throw new NoConfirmableDeclarationException();
        byte[] content;
        string? contentType;
        await using (var cmd = db.CreateCommand("select content, content_type from workflow.submissions where id = @id"))
        {
            cmd.Parameters.AddWithValue("id", previous.SubmissionId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) throw new NoConfirmableDeclarationException();
            content = r.GetFieldValue<byte[]>(0);
            contentType = r.IsDBNull(1) ? null : r.GetString(1);
        }
        return await submissions.SubmitAsync(caseId, previous.FileName, contentType, content, actor, SubmissionChannels.Confirmation, ct);
    }
}

/// <summary>The supplier has no recent valid CMRT to confirm, or this case already has a response.</summary>
public sealed class NoConfirmableDeclarationException() : InvalidOperationException("There is no recent valid CMRT to confirm for this case.");
