using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Workflow.Cmrt.Evaluation;
using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Evaluation;

namespace Workflow.Infrastructure.Submissions;

/// <summary>
/// Takes a CMRT for a case (upload, supplier link, e-mail): evaluates it, stores the file exactly as received with
/// its evaluation, and moves the case, all in one transaction.
/// </summary>
public sealed class SubmissionService(NpgsqlDataSource db, IPolicyAwareEvaluator evaluator, CaseTransitions transitions, TimeProvider clock)
{
    public static readonly JsonSerializerOptions EvaluationJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SubmissionResult> SubmitAsync(Guid caseId, string fileName, string? contentType, byte[] content,
        string actor, string channel, CancellationToken ct)
    {
        var policyVersion = await PolicyVersionAsync(caseId, ct) ?? throw new NotFoundException("Case", caseId);
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        DeclarationEvaluation evaluation;
        using (var stream = new MemoryStream(content, writable: false))
            evaluation = evaluator.Evaluate(stream, asOf, policyVersion);

        var cause = CauseFor(evaluation, actor, fileName);
        var submissionId = Guid.CreateVersion7();
        var outcome = evaluation.Outcome.ToWire();

        var transition = await transitions.FireAsync(caseId, stage => TriggerFor(evaluation.Outcome, stage), cause, inTransaction: async (conn, tx) =>
        {
            await using var insert = new NpgsqlCommand("""
                insert into workflow.submissions (id, case_id, received_at, channel, submitted_by, file_name, content_type,
                    size_bytes, sha256, content, outcome, template, template_version, evaluation)
                values (@id, @case, @at, @channel, @by, @file, @type, @size, @sha, @content, @outcome, @template, @version, @evaluation)
                """, conn, tx);
            insert.Parameters.AddWithValue("id", submissionId);
            insert.Parameters.AddWithValue("case", caseId);
            insert.Parameters.AddWithValue("at", clock.GetUtcNow());
            insert.Parameters.AddWithValue("channel", channel);
            insert.Parameters.AddWithValue("by", actor);
            insert.Parameters.AddWithValue("file", fileName);
            insert.Parameters.AddWithValue("type", (object?)contentType ?? DBNull.Value);
            insert.Parameters.AddWithValue("size", content.Length);
            insert.Parameters.AddWithValue("sha", Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant());
            insert.Parameters.AddWithValue("content", content);
            insert.Parameters.AddWithValue("outcome", outcome);
            insert.Parameters.AddWithValue("template", (object?)evaluation.Declaration?.Template ?? DBNull.Value);
            insert.Parameters.AddWithValue("version", (object?)evaluation.Declaration?.Version ?? DBNull.Value);
            insert.Parameters.AddWithValue("evaluation", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(evaluation, EvaluationJson));
            await insert.ExecuteNonQueryAsync(ct);

            await using var mark = new NpgsqlCommand("update workflow.cases set last_outcome = @o where id = @id", conn, tx);
            mark.Parameters.AddWithValue("o", outcome);
            mark.Parameters.AddWithValue("id", caseId);
            await mark.ExecuteNonQueryAsync(ct);
        }, ct: ct);

        return new SubmissionResult(submissionId, evaluation, transition.To.ToState().ToString(), transition.To.ToString());
    }

    public async Task<(string FileName, string? ContentType, byte[] Content)?> DownloadAsync(Guid submissionId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select file_name, content_type, content from workflow.submissions where id = @id");
        cmd.Parameters.AddWithValue("id", submissionId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFieldValue<byte[]>(2));
    }

    /// <summary>An accepted file after an invalid one is a correction; unreadable counts as invalid.</summary>
    public static CaseTrigger TriggerFor(Outcome outcome, CaseStage stage) => outcome switch
    {
        Outcome.Accepted when stage.ToState() == CaseState.Invalid => CaseTrigger.Corrected,
        Outcome.Accepted => CaseTrigger.CmrtAccepted,
        Outcome.RedFlag => CaseTrigger.RedFlagFound,
        _ => CaseTrigger.RejectedAsInvalid,
    };

    private static TransitionCause CauseFor(DeclarationEvaluation e, string actor, string fileName)
    {
        var first = e.Findings.FirstOrDefault(f => f.Severity == (e.Outcome == Outcome.RedFlag ? FindingSeverity.RedFlag : FindingSeverity.Error));
        var reason = e.Outcome switch
        {
            Outcome.Accepted => $"CMRT '{fileName}' accepted",
            Outcome.RedFlag => $"red flag in '{fileName}': {first?.Because ?? first?.Message}",
            Outcome.Unreadable => $"'{fileName}' could not be read: {first?.Message}",
            _ => $"CMRT '{fileName}' invalid: {e.Findings.Count(f => f.Severity == FindingSeverity.Error)} error(s), first: {first?.Message}",
        };
        return new TransitionCause(actor, reason, first?.Rule, first?.PolicyVersion ?? e.PolicyVersion);
    }

    /// <summary>The policy version the case's campaign is pinned to; null when the case does not exist.</summary>
    private async Task<string?> PolicyVersionAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select k.policy_version from workflow.cases c join workflow.campaigns k on k.id = c.campaign_id where c.id = @id");
        cmd.Parameters.AddWithValue("id", caseId);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }
}
