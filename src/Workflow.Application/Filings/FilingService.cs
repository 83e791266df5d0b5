using Workflow.Application.Campaigns;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Cases;
using Workflow.Application.Exports;
using Workflow.Application.Policies;
using Workflow.Application.Reports;
using Workflow.Application.Reports.Rollup;
using Workflow.Cmrt.Writing;

namespace Workflow.Application.Filings;

/// <summary>
/// Freezes a campaign's filing (report figures, Appendix A, the names to follow up, the roll-up CMRT and the list of
/// evaluations counted, as of the filing's "effort through" date) into an immutable record, and reads, verifies and
/// compares it later. Nothing that happens after the freeze changes what was frozen.
/// </summary>
public sealed class FilingService(NpgsqlDataSource db, CampaignReportService reports, RollupCmrtService rollup, Workflow.Application.Settings.EffectiveSettings settings,
    TimeProvider clock)
{
    /// <summary>The API's own JSON shape, so a frozen report reads like the live one.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<FrozenFiling> FreezeAsync(Guid campaignId, DateOnly asOf, string reason, string actor, CancellationToken ct)
    {
        // One read of the campaign serves the figures, the appendix, the names and the roll-up alike.
        var (data, catalog) = await reports.LoadAsync(campaignId, asOf, ct);
        var (report, appendix, unrecognised) = await reports.ComposeAsync(data, catalog, asOf, ct);
        var evaluations = await EvaluationsAsync(campaignId, asOf, ct);
        byte[]? rollupCmrt = null;
        string? rollupMissing = null;
        try { rollupCmrt = (await rollup.BuildAsync(data, catalog, ct)).Content; }
        catch (CompanyDetailsMissingException e) { rollupMissing = e.Message; }
        catch (CmrtTemplateException e) { rollupMissing = e.Message; }

        var parts = new FilingParts(asOf,
            JsonSerializer.SerializeToUtf8Bytes(report, Json),
            ReportExports.AppendixCsv(appendix),
            ReportExports.UnrecognisedCsv(unrecognised),
            JsonSerializer.SerializeToUtf8Bytes(evaluations, Json),
            rollupCmrt,
            report.PolicyVersions,
            report.ReferenceListVersions);
        var frozenAt = clock.GetUtcNow();
        var filing = new FrozenFiling(Guid.CreateVersion7(frozenAt), campaignId, asOf, frozenAt, actor, reason, parts.Sha256(),
            rollupCmrt is not null, rollupMissing, parts.PolicyVersions, parts.ReferenceListVersions);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("""
            insert into workflow.filings (id, campaign_id, as_of, frozen_at, frozen_by, reason, sha256, report_json, appendix_a_csv,
                                          unrecognised_csv, evaluations_json, rollup_cmrt, rollup_missing_reason, policy_versions, reference_list_versions)
            values (@id, @campaign, @asOf, @at, @by, @reason, @sha, @report, @appendix, @unrecognised, @evaluations, @rollup, @missing, @policies, @lists)
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("id", filing.Id);
            insert.Parameters.AddWithValue("campaign", campaignId);
            insert.Parameters.AddWithValue("asOf", asOf);
            insert.Parameters.AddWithValue("at", filing.FrozenAt);
            insert.Parameters.AddWithValue("by", actor);
            insert.Parameters.AddWithValue("reason", reason);
            insert.Parameters.AddWithValue("sha", filing.Sha256);
            insert.Parameters.AddWithValue("report", parts.ReportJson);
            insert.Parameters.AddWithValue("appendix", parts.AppendixACsv);
            insert.Parameters.AddWithValue("unrecognised", parts.UnrecognisedCsv);
            insert.Parameters.AddWithValue("evaluations", parts.EvaluationsJson);
            insert.Parameters.Add(new NpgsqlParameter("rollup", NpgsqlDbType.Bytea) { Value = (object?)rollupCmrt ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter("missing", NpgsqlDbType.Text) { Value = (object?)rollupMissing ?? DBNull.Value });
            insert.Parameters.AddWithValue("policies", parts.PolicyVersions.ToArray());
            insert.Parameters.AddWithValue("lists", parts.ReferenceListVersions.ToArray());
            await insert.ExecuteNonQueryAsync(ct);
        }
        await CampaignAudit.AppendAsync(conn, tx, campaignId, filing.FrozenAt, actor, "filing-frozen", reason,
            new { filingId = filing.Id, asOf, sha256 = filing.Sha256 }, ct);
        await tx.CommitAsync(ct);
        return filing;
    }

    public async Task<IReadOnlyList<FrozenFiling>> ListAsync(Guid campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {Columns} from workflow.filings where campaign_id = @campaign order by frozen_at, id");
        cmd.Parameters.AddWithValue("campaign", campaignId);
        var list = new List<FrozenFiling>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    public async Task<FrozenFiling?> GetAsync(Guid filingId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {Columns} from workflow.filings where id = @id");
        cmd.Parameters.AddWithValue("id", filingId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    /// <summary>The filing's record and the frozen bytes of every part, in one read.</summary>
    public async Task<(FrozenFiling Filing, FilingParts Parts)?> LoadAsync(Guid filingId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select {Columns}, report_json, appendix_a_csv, unrecognised_csv, evaluations_json, rollup_cmrt
              from workflow.filings where id = @id
            """);
        cmd.Parameters.AddWithValue("id", filingId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var filing = Read(r);
        var parts = new FilingParts(filing.AsOf, r.GetFieldValue<byte[]>(11), r.GetFieldValue<byte[]>(12), r.GetFieldValue<byte[]>(13),
            r.GetFieldValue<byte[]>(14), r.IsDBNull(15) ? null : r.GetFieldValue<byte[]>(15), filing.PolicyVersions, filing.ReferenceListVersions);
        return (filing, parts);
    }

    /// <summary>The frozen bytes of every part.</summary>
    public async Task<FilingParts?> PartsAsync(Guid filingId, CancellationToken ct) => (await LoadAsync(filingId, ct))?.Parts;

    /// <summary>Recomputes the seal from the stored bytes: any part changed behind the service's back shows here.</summary>
    public async Task<FilingVerification?> VerifyAsync(Guid filingId, CancellationToken ct)
    {
        if (await LoadAsync(filingId, ct) is not ({ } filing, { } parts)) return null;
        var computed = parts.Sha256();
        return new FilingVerification(computed == filing.Sha256, filing.Sha256, computed);
    }

    /// <summary>The frozen figures and Appendix A against the live ones (everything received and decided up to now).</summary>
    public async Task<FilingDiff?> DiffAsync(Guid filingId, CancellationToken ct)
    {
        if (await LoadAsync(filingId, ct) is not ({ } filing, { } parts)) return null;
        var frozen = JsonSerializer.Deserialize<CampaignReport>(parts.ReportJson, Json)!;
        var (live, liveAppendix, _) = await reports.BuildAllAsync(filing.CampaignId, null, ct);
        return FilingDiff.Between(filing, frozen, parts.AppendixACsv, live, liveAppendix);
    }

    /// <summary>The Conflict Minerals Report draft from the frozen figures and Appendix A (never from live data).</summary>
    public async Task<CmrDraft?> DraftAsync(Guid filingId, CancellationToken ct)
    {
        if (await LoadAsync(filingId, ct) is not ({ } filing, { } parts)) return null;
        var report = JsonSerializer.Deserialize<CampaignReport>(parts.ReportJson, Json)!;
        // A document shows each name as given, not as the CSV neutralised it for spreadsheets.
        var appendix = FilingParts.CsvRows(parts.AppendixACsv).Select(row => row.Select(Csv.Unneutralised).ToArray()).ToList();
        return CmrDraft.From(filing, report, appendix, (await settings.GetAsync(ct)).Company.Name);
    }

    private async Task<IReadOnlyList<FilingEvaluation>> EvaluationsAsync(Guid campaignId, DateOnly asOf, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select x.id, c.reference, s.name, x.received_at, e.outcome, x.sha256,
                   e.evaluation->>'policyVersion', e.evaluation->>'referenceListVersion'
              from workflow.submissions x
              cross join lateral workflow.current_evaluation(x.id, @cutoff) e
              join workflow.cases c on c.id = x.case_id
              join workflow.suppliers s on s.id = c.supplier_id
             where c.campaign_id = @campaign and x.received_at < @cutoff
             order by x.received_at, x.id
            """);
        cmd.Parameters.AddWithValue("campaign", campaignId);
        cmd.Parameters.AddWithValue("cutoff", UtcDay.End(asOf));
        var list = new List<FilingEvaluation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new FilingEvaluation(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4),
                r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        return list;
    }

    private const string Columns =
        "id, campaign_id, as_of, frozen_at, frozen_by, reason, sha256, rollup_cmrt is not null, rollup_missing_reason, policy_versions, reference_list_versions";

    private static FrozenFiling Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4), r.GetString(5),
        r.GetString(6), r.GetBoolean(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetFieldValue<string[]>(9), r.GetFieldValue<string[]>(10));
}

public sealed record FilingVerification(bool Ok, string Sha256, string Computed);
