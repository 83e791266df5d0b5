using Npgsql;
using Workflow.Domain.Grievances;

namespace Workflow.Application.Grievances;

/// <summary>Computes the <see cref="QuarterlyReport"/> from the concerns, their links and their audit trail.</summary>
public sealed class QuarterlyReportQuery(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<QuarterlyReport> BuildAsync(ReportQuarter quarter, CancellationToken ct)
    {
        var (from, to) = (quarter.Start, quarter.End);
        await using var conn = await db.OpenConnectionAsync(ct);

        var rows = new List<QuarterlyConcernRow>();
        await using (var cmd = Command(conn, from, to, """
            select reference, received_at, channel, smelter, supplier, country, metal, state, first_response_at, closed_at, outcome_reason, id
              from workflow.concerns where received_at >= @from and received_at < @to
             order by received_at, reference
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                DateTimeOffset? T(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
                rows.Add(new QuarterlyConcernRow(r.GetGuid(11), r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2),
                    ConcernSubjects.Of(S(3), S(4), S(5), S(6)), r.GetString(7), T(8), T(9), S(10)));
            }

        var closed = new List<QuarterlyOutcome>();
        await using (var cmd = Command(conn, from, to, """
            select reference, state, closed_at, outcome_reason from workflow.concerns
             where closed_at >= @from and closed_at < @to order by closed_at, reference
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                closed.Add(new QuarterlyOutcome(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3)));

        var links = new List<QuarterlySubstantiatedLink>();
        await using (var cmd = Command(conn, from, to, """
            select c.reference, l.cid, s.name, k.reference, l.at
              from workflow.concern_links l
              join workflow.concerns c on c.id = l.concern_id
              left join workflow.suppliers s on s.id = l.supplier_id
              left join workflow.cases k on k.id = l.case_id
             where l.substantiated and l.at >= @from and l.at < @to
             order by l.at, l.id
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var (kind, target) = !r.IsDBNull(1) ? (ConcernSubjects.Smelter, r.GetString(1))
                    : !r.IsDBNull(2) ? (ConcernSubjects.Supplier, r.GetString(2))
                    : ("case", r.IsDBNull(3) ? "" : r.GetString(3));
                links.Add(new QuarterlySubstantiatedLink(r.GetString(0), kind, target, r.GetFieldValue<DateTimeOffset>(4)));
            }

        var escalated = new List<string>();
        var escalations = 0;
        await using (var cmd = Command(conn, from, to, """
            select c.reference, count(*)::int from workflow.concern_audit a join workflow.concerns c on c.id = a.concern_id
             where a.action = 'escalated-untouched' and a.at >= @from and a.at < @to
             group by c.reference order by c.reference
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                escalated.Add(r.GetString(0));
                escalations += r.GetInt32(1);
            }

        var responseDays = rows.Where(c => c.FirstResponseAt is not null)
            .Select(c => (c.FirstResponseAt!.Value - c.ReceivedAt).TotalDays).Order().ToList();
        return new QuarterlyReport
        {
            Quarter = quarter.ToString(),
            From = from,
            To = to,
            GeneratedAt = clock.GetUtcNow(),
            Received = rows.Count,
            ByChannel = Count(ConcernChannels.All, rows.Select(c => c.Channel)),
            BySubject = Count(ConcernSubjects.All, rows.Select(c => c.Subject)),
            ByStateNow = Count(ConcernStates.All.Select(s => s.ToWire()).ToList(), rows.Select(c => c.State)),
            FirstResponse = new QuarterlyFirstResponse(responseDays.Count, Days(Median(responseDays)),
                Days(responseDays.Count == 0 ? null : responseDays[^1]), rows.Count(c => c.FirstResponseAt is null)),
            Outcomes = new QuarterlyOutcomes(closed.Count, closed.Count(c => c.State == ConcernState.Resolved.ToWire()),
                closed.Count(c => c.State == ConcernState.Dismissed.ToWire()), closed),
            Substantiated = new QuarterlySubstantiated(
                links.Where(l => l.Kind == ConcernSubjects.Smelter).Select(l => l.Target).Distinct(StringComparer.Ordinal).Count(),
                links.Where(l => l.Kind == ConcernSubjects.Supplier).Select(l => l.Target).Distinct(StringComparer.Ordinal).Count(),
                links.Where(l => l.Kind == "case").Select(l => l.Target).Distinct(StringComparer.Ordinal).Count(),
                links),
            EscalatedUntouched = new QuarterlyEscalations(escalations, escalated.Count, escalated),
            Concerns = rows,
        };
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, DateTimeOffset from, DateTimeOffset to, string sql)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        return cmd;
    }

    /// <summary>Every known key in its order (zero included, so the report's shape never changes), then any stored value we do not know.</summary>
    private static IReadOnlyDictionary<string, int> Count(IReadOnlyList<string> known, IEnumerable<string> values)
    {
        var counts = known.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var v in values) counts[v] = counts.GetValueOrDefault(v) + 1;
        return counts;
    }

    private static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static double? Days(double? days) => days is { } d ? Math.Round(d, 1, MidpointRounding.AwayFromZero) : null;
}
