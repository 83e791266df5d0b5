using Microsoft.Extensions.Options;
using Npgsql;
using Workflow.Application.Submissions;

namespace Workflow.Application.SupplierLinks;

/// <summary>Whether an upload through a supplier link may go ahead, and if not, when it may be tried again.</summary>
public sealed record ThrottleDecision(bool Allowed, TimeSpan RetryAfter = default, string? Limit = null);

/// <summary>
/// Counts uploads through supplier links per link and per client address over a sliding hour
/// (<see cref="UploadOptions.PerLinkPerHour"/>, <see cref="UploadOptions.PerAddressPerHour"/>). The counts live in
/// PostgreSQL so that every instance enforces one limit; only keyed fingerprints of links and addresses are stored.
/// </summary>
public sealed class UploadThrottle(NpgsqlDataSource db, SupplierLinkSigner signer, IOptionsMonitor<UploadOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one upload when both limits allow it; refused attempts are not counted.</summary>
    public async Task<ThrottleDecision> TryAcquireAsync(string token, string clientAddress, CancellationToken ct)
    {
        var limits = options.CurrentValue;
        var now = clock.GetUtcNow();
        var since = now - Window;
        var link = signer.Fingerprint("upload-link", token);
        var client = signer.Fingerprint("upload-client", clientAddress);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Serialised per key, so two instances counting at once cannot both let the one-too-many through. Link locks
        // are always taken before address locks, so no two transactions wait on each other in a circle.
        await ExecAsync(conn, tx, "select pg_advisory_xact_lock(hashtextextended(@key, 1))", link, ct);
        await ExecAsync(conn, tx, "select pg_advisory_xact_lock(hashtextextended(@key, 2))", client, ct);

        long linkCount = 0, clientCount = 0;
        DateTimeOffset? linkOldest = null, clientOldest = null;
        await using (var count = new NpgsqlCommand("""
            select count(*) filter (where link_key = @link), min(at) filter (where link_key = @link),
                   count(*) filter (where client_key = @client), min(at) filter (where client_key = @client)
              from workflow.upload_attempts
             where at > @since and (link_key = @link or client_key = @client)
            """, conn, tx))
        {
            count.Parameters.AddWithValue("link", link);
            count.Parameters.AddWithValue("client", client);
            count.Parameters.AddWithValue("since", since);
            await using var r = await count.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            linkCount = r.GetInt64(0);
            linkOldest = r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1);
            clientCount = r.GetInt64(2);
            clientOldest = r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3);
        }
        if (linkCount >= limits.PerLinkPerHour)
            return new ThrottleDecision(false, RetryAfter(linkOldest, now), $"{limits.PerLinkPerHour} uploads per link per hour");
        if (clientCount >= limits.PerAddressPerHour)
            return new ThrottleDecision(false, RetryAfter(clientOldest, now), $"{limits.PerAddressPerHour} uploads per address per hour");

        await using (var insert = new NpgsqlCommand("""
            insert into workflow.upload_attempts (link_key, client_key, at) values (@link, @client, @now);
            delete from workflow.upload_attempts where id in (select id from workflow.upload_attempts where at <= @since limit 1000);
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("link", link);
            insert.Parameters.AddWithValue("client", client);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("since", since);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new ThrottleDecision(true);
    }

    // A slot frees when the oldest counted upload leaves the window; at least one second, never zero.
    private static TimeSpan RetryAfter(DateTimeOffset? oldest, DateTimeOffset now) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(((oldest ?? now) + Window - now).TotalSeconds)));

    private static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, string key, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddWithValue("key", key);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
