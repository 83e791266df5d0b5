using Microsoft.AspNetCore.Identity;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Workflow.Domain.Security;

namespace Workflow.Infrastructure.Users;

/// <summary>
/// Local users with passwords hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, 100,000 iterations, salted); the plain password is never stored or logged.
/// </summary>
public sealed class UserStore(NpgsqlDataSource db, TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<LocalUser> Hasher = new();
    // Verifying against this when the e-mail is unknown keeps the response time from telling which e-mails exist.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-real-password-" + Guid.NewGuid());

    public async Task<LocalUser> AddAsync(string email, string role, string password, CancellationToken ct)
    {
        email = email.Trim();
        if (!email.Contains('@') || email.Length > 320) throw new UserAdministrationException($"'{email}' is not an e-mail address.");
        if (!Roles.IsKnown(role)) throw new UserAdministrationException($"Unknown role '{role}'; use {string.Join(", ", Roles.All)}.");
        RequireStrength(password);

        var now = clock.GetUtcNow();
        var user = new LocalUser(Guid.CreateVersion7(), email, role, false, now, null);
        await using var cmd = db.CreateCommand("""
            insert into workflow.users (id, email, role, password_hash, created_at, updated_at)
            values (@id, @email, @role, @hash, @now, @now)
            on conflict (lower(email)) do nothing
            """);
        cmd.Parameters.AddWithValue("id", user.Id);
        cmd.Parameters.AddWithValue("email", email);
        cmd.Parameters.AddWithValue("role", role);
        cmd.Parameters.AddWithValue("hash", Hasher.HashPassword(user, password));
        cmd.Parameters.AddWithValue("now", now);
        if (await cmd.ExecuteNonQueryAsync(ct) == 0) throw new UserAdministrationException($"A user '{email}' already exists.");
        return user;
    }

    public async Task<IReadOnlyList<LocalUser>> ListAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id, email, role, disabled, created_at, last_login_at from workflow.users order by lower(email)");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<LocalUser>();
        while (await r.ReadAsync(ct))
            list.Add(new LocalUser(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }

    /// <summary>Returns false when no such user exists. Disabled users keep their row so the audit trail still names them.</summary>
    public Task<bool> DisableAsync(string email, CancellationToken ct) => UpdateAsync(email, "disabled = true", null, ct, endSessions: true);

    /// <summary>
    /// Sets a new password (a forgotten one, or one that may have leaked). Returns false when no such user exists.
    /// Every session signed in with the old password ends at its next request.
    /// </summary>
    public Task<bool> SetPasswordAsync(string email, string password, CancellationToken ct)
    {
        RequireStrength(password);
        return UpdateAsync(email, "password_hash = @value", Hasher.HashPassword(null!, password), ct, endSessions: true);
    }

    /// <summary>Lets a disabled user sign in again. Returns false when no such user exists.</summary>
    public Task<bool> EnableAsync(string email, CancellationToken ct) => UpdateAsync(email, "disabled = false", null, ct);

    /// <summary>
    /// One user's row changed by e-mail (case-insensitive), stamped with the time; false when there is none. With
    /// <paramref name="endSessions"/>, the user's sign-in sessions end in the same transaction.
    /// </summary>
    private async Task<bool> UpdateAsync(string email, string assignment, string? value, CancellationToken ct, bool endSessions = false)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand($"update workflow.users set {assignment}, updated_at = @now where lower(email) = lower(@email)", conn, tx);
        cmd.Parameters.AddWithValue("email", email.Trim());
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        if (value is not null) cmd.Parameters.AddWithValue("value", value);
        if (await cmd.ExecuteNonQueryAsync(ct) != 1) return false;
        if (endSessions) await SessionStore.EndAllAsync(conn, tx, email, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The user when the password matches and the account is enabled; null otherwise, without saying which.</summary>
    public async Task<LocalUser?> VerifyAsync(string email, string password, CancellationToken ct)
    {
        LocalUser? user = null;
        string? hash = null;
        await using (var cmd = db.CreateCommand("""
            select id, email, role, disabled, created_at, last_login_at, password_hash from workflow.users where lower(email) = lower(@email)
            """))
        {
            cmd.Parameters.AddWithValue("email", email.Trim());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct))
            {
                user = new LocalUser(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetFieldValue<DateTimeOffset>(4),
                    r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5));
                hash = r.GetString(6);
            }
        }
        var result = Hasher.VerifyHashedPassword(user!, hash ?? DummyHash, password);
        if (user is null || user.Disabled || result == PasswordVerificationResult.Failed) return null;

        await using var update = db.CreateCommand("""
            update workflow.users set last_login_at = @now, password_hash = coalesce(@rehash, password_hash) where id = @id
            """);
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        // Hashes from older parameters are upgraded on the next successful sign-in.
        var rehash = result == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password) : null;
        update.Parameters.AddWithValue("rehash", NpgsqlTypes.NpgsqlDbType.Text, (object?)rehash ?? DBNull.Value);
        update.Parameters.AddWithValue("id", user.Id);
        await update.ExecuteNonQueryAsync(ct);
        return user with { PasswordStamp = Stamp(rehash ?? hash!) };
    }

    /// <summary>
    /// False when the user was disabled, removed or given a new password after signing in; cookies are re-checked
    /// against this.
    /// </summary>
    public async Task<bool> IsActiveAsync(string email, string role, string? passwordStamp, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select password_hash from workflow.users where lower(email) = lower(@email) and role = @role and not disabled");
        cmd.Parameters.AddWithValue("email", email);
        cmd.Parameters.AddWithValue("role", role);
        return await cmd.ExecuteScalarAsync(ct) is string hash && passwordStamp is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Stamp(hash)), Encoding.ASCII.GetBytes(passwordStamp));
    }

    private static string Stamp(string passwordHash) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)))[..16];

    private static void RequireStrength(string password)
    {
        if (password.Length < MinimumPasswordLength)
            throw new UserAdministrationException($"The password must have at least {MinimumPasswordLength} characters.");
    }
}
