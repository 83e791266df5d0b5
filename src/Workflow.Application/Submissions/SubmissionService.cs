using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Microsoft.Extensions.Options;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Domain.Cases;
using Workflow.Application.Cases;
using Workflow.Application.Evaluation;
using Workflow.Application.ProductLevel;
using Workflow.StateMachines;

namespace Workflow.Application.Submissions;

/// <summary>
/// Takes a CMRT for a case (upload, supplier link, e-mail): evaluates it, stores the file exactly as received with
/// its evaluation, and moves the case, all in one transaction.
/// </summary>
/// <remarks>
/// Refused on the spot, with nothing stored and no transition: a file that is not a workbook at all, and a supplier's
/// file past <see cref="UploadOptions.MaxStoredPerCase"/> (which leaves a note on the case for a person).
/// </remarks>
public sealed class SubmissionService(NpgsqlDataSource db, IPolicyAwareEvaluator evaluator, CaseTransitions transitions, CaseNotes notes,
    SupplierParts supplierParts, CaseMachine machine, IOptionsMonitor<UploadOptions> uploads, TimeProvider clock)
{
    public static readonly JsonSerializerOptions EvaluationJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SubmissionResult> SubmitAsync(Guid caseId, string fileName, string? contentType, byte[] content,
        string actor, string channel, CancellationToken ct)
    {
        var (policyVersion, stage) = await CaseAsync(caseId, ct) ?? throw new NotFoundException("Case", caseId);
        var recognised = FileRecognition.Recognise(content);
        if (!recognised.IsWorkbook) throw new NotAWorkbookException(fileName, recognised.Description);
        int? limit = SubmissionChannels.IsFromSupplier(channel) ? uploads.CurrentValue.MaxStoredPerCase : null;
        // Checked before the (costly) evaluation, and again under the case's row lock where it cannot race.
        if (limit is { } max)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await EnsureBelowLimitAsync(conn, null, caseId, max, fileName, ct);
        }
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        DeclarationEvaluation evaluation;
        using (var stream = new MemoryStream(content, writable: false))
            evaluation = evaluator.Evaluate(stream, asOf, policyVersion);

        var cause = CauseFor(evaluation, actor, fileName);
        // Read before the transition: a bill of materials edited meanwhile changes only the wording of the reason.
        var parts = await supplierParts.ForCaseAsync(caseId, ct);
        var awaitingProductLevel = machine.IsWithin(stage, CaseStage.ProductLevelRequested);
        var routed = ProductLevelRouting.Route(evaluation, OutcomeFor(evaluation.Outcome), cause.Reason, parts, awaitingProductLevel, fileName);
        cause = cause with { Reason = routed.Reason, Rule = routed.Rule ?? cause.Rule };
        var submissionId = Guid.CreateVersion7();
        var outcome = evaluation.Outcome.ToWire();

        var transition = await transitions.FireAsync(caseId, CaseIntention.Submit(routed.Outcome), cause, inTransaction: async (conn, tx) =>
        {
            if (limit is { } max) await EnsureBelowLimitAsync(conn, tx, caseId, max, fileName, ct);
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
            if (evaluation.Declaration is { } declaration)
                await SubmissionDeclarations.InsertAsync(conn, tx, [(submissionId, caseId, SubmissionDeclarations.Serialize(declaration))], clock.GetUtcNow(), ct);

            await using var mark = new NpgsqlCommand("update workflow.cases set last_outcome = @o where id = @id", conn, tx);
            mark.Parameters.AddWithValue("o", outcome);
            mark.Parameters.AddWithValue("id", caseId);
            await mark.ExecuteNonQueryAsync(ct);
        }, ct: ct);

        return new SubmissionResult(submissionId, evaluation, transition.ToState.ToString(), transition.To.ToString());
    }

    /// <summary>
    /// The stored file of a submission of this case (null when the submission belongs to another case), named and
    /// typed by what it is: the uploader's name and content type are never served back.
    /// </summary>
    public async Task<StoredFile?> DownloadAsync(Guid caseId, Guid submissionId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select file_name, content from workflow.submissions where id = @id and case_id = @case");
        cmd.Parameters.AddWithValue("id", submissionId);
        cmd.Parameters.AddWithValue("case", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var content = r.GetFieldValue<byte[]>(1);
        var recognised = FileRecognition.Recognise(content);
        return new StoredFile(SafeFileName.For(r.GetString(0), recognised.Extension), recognised.ContentType, content);
    }

    private async Task EnsureBelowLimitAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid caseId, int max, string fileName, CancellationToken ct)
    {
        await using var count = new NpgsqlCommand(
            "select count(*) from workflow.submissions where case_id = @case and channel = any(@channels)", conn, tx);
        count.Parameters.AddWithValue("case", caseId);
        count.Parameters.AddWithValue("channels", SubmissionChannels.FromSuppliers);
        if ((long)(await count.ExecuteScalarAsync(ct))! < max) return;
        await notes.RecordAsync(caseId, CaseNotes.UploadLimitReached,
            $"The supplier reached the limit of {max} stored files (Uploads:MaxStoredPerCase); the last refused upload was '{fileName}'. " +
            "Look at the files received, and ask the supplier to stop or accept the next file by uploading it yourself.", ct);
        throw new SubmissionLimitException(max);
    }

    /// <summary>What the check means for the case; unreadable counts as invalid. The machine decides the rest (a valid
    /// file after an invalid one is a correction).</summary>
    public static SubmissionOutcome OutcomeFor(Outcome outcome) => outcome switch
    {
        Outcome.Accepted => SubmissionOutcome.Accepted,
        Outcome.RedFlag => SubmissionOutcome.RedFlag,
        _ => SubmissionOutcome.Invalid,
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

    /// <summary>The policy version the case's campaign is pinned to and the case's stage; null when the case does not exist.</summary>
    private async Task<(string PolicyVersion, CaseStage Stage)?> CaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select k.policy_version, c.stage from workflow.cases c join workflow.campaigns k on k.id = c.campaign_id where c.id = @id");
        cmd.Parameters.AddWithValue("id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetString(0), new CaseStage(r.GetString(1))) : null;
    }
}
