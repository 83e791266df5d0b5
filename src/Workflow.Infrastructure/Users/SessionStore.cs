using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Npgsql;

namespace Workflow.Infrastructure.Users;

/// <summary>
/// Sign-in sessions kept in PostgreSQL (the cookie carries only a random session id). A cookie is worth something
/// only while its row exists: signing out deletes it, and <see cref="UserStore"/> deletes a user's rows when the user
/// is disabled or given a new password, so no instance honours an old cookie again, whatever happens to the user later.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource db, TimeProvider clock) : ITicketStore
{
    /// <summary>Used when the cookie handler gives a ticket no expiry; it always does for persistent sign-ins.</summary>
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var cmd = db.CreateCommand("""
            insert into workflow.sessions (id, user_email, ticket, created_at, expires_at) values (@id, @email, @ticket, @now, @expires);
            delete from workflow.sessions where id in (select id from workflow.sessions where expires_at < @now limit 100);
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("email", ticket.Principal.FindFirstValue(ClaimTypes.Name) ?? "");
        cmd.Parameters.AddWithValue("ticket", TicketSerializer.Default.Serialize(ticket));
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("expires", ticket.Properties.ExpiresUtc ?? now + FallbackLifetime);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Only an existing row is renewed: a session ended meanwhile stays ended.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var cmd = db.CreateCommand("update workflow.sessions set ticket = @ticket, expires_at = @expires where id = @id");
        cmd.Parameters.AddWithValue("id", key);
        cmd.Parameters.AddWithValue("ticket", TicketSerializer.Default.Serialize(ticket));
        cmd.Parameters.AddWithValue("expires", ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + FallbackLifetime);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var cmd = db.CreateCommand("select ticket from workflow.sessions where id = @id and expires_at > @now");
        cmd.Parameters.AddWithValue("id", key);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await cmd.ExecuteScalarAsync() is byte[] bytes ? TicketSerializer.Default.Deserialize(bytes) : null;
    }

    public async Task RemoveAsync(string key)
    {
        await using var cmd = db.CreateCommand("delete from workflow.sessions where id = @id");
        cmd.Parameters.AddWithValue("id", key);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Ends every session of the user, inside the caller's transaction when given one.</summary>
    public static async Task EndAllAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string email, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("delete from workflow.sessions where lower(user_email) = lower(@email)", conn, tx);
        cmd.Parameters.AddWithValue("email", email.Trim());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
