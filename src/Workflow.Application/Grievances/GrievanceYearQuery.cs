using Npgsql;
using NpgsqlTypes;
using Workflow.Application.Reports;

namespace Workflow.Application.Grievances;

/// <summary>Counts the concerns of a reporting period for the campaign report (<see cref="GrievanceMechanismFigures"/>).</summary>
public sealed class GrievanceYearQuery(NpgsqlDataSource db)
{
    /// <param name="cutoff">
    /// A filing's "effort through" end: only concerns received before it, each in the state its last earlier audit entry
    /// left it, and links made before it. Null: everything as it stands now.
    /// </param>
    public async Task<GrievanceMechanismFigures> FiguresAsync(DateOnly periodStart, DateOnly periodEnd, DateTimeOffset? cutoff, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            with year as (
                select c.id, coalesce(case when @cutoff is null then c.state end,
                                      (select a.to_state from workflow.concern_audit a
                                        where a.concern_id = c.id and a.to_state is not null and a.at < @cutoff
                                        order by a.id desc limit 1),
                                      'received') as state
                  from workflow.concerns c
                 where c.received_at >= @from and c.received_at < @to and (@cutoff is null or c.received_at < @cutoff))
            select count(*)::int,
                   count(*) filter (where state = 'resolved')::int,
                   count(*) filter (where state = 'dismissed')::int,
                   (select count(distinct l.cid)::int from workflow.concern_links l
                     where l.concern_id in (select id from year) and l.cid is not null and l.substantiated
                       and (@cutoff is null or l.at < @cutoff))
              from year
            """);
        cmd.Parameters.AddWithValue("from", new DateTimeOffset(periodStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        cmd.Parameters.AddWithValue("to", UtcDay.End(periodEnd));
        // Typed, so that "@cutoff is null" has a type when no cutoff is given.
        cmd.Parameters.Add(new NpgsqlParameter("cutoff", NpgsqlDbType.TimestampTz) { Value = cutoff is { } c ? c.ToUniversalTime() : DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var (received, resolved, dismissed) = (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2));
        return new GrievanceMechanismFigures(received, resolved, dismissed, received - resolved - dismissed, r.GetInt32(3));
    }
}
