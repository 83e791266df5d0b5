using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Workflow.Application.SupplierLinks;

/// <summary>
/// The supplier-link signing key when none is configured: one key in PostgreSQL for every instance on the database.
/// A key an older single-instance start generated into the data folder is adopted as the shared one (links already in
/// suppliers' mailboxes keep working); otherwise the first instance to start stores a fresh random key. Concurrent
/// starts agree: the insert does nothing when another instance got there first, and everyone reads the stored row.
/// </summary>
public static class SharedSigningKey
{
    public const string Name = "supplier-link-key";

    public static byte[] Resolve(string? configured, string dataDirectory, NpgsqlDataSource db)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Encoding.UTF8.GetBytes(configured);
        using var conn = db.OpenConnection();
        if (Read(conn) is { } stored) return stored;

        var legacy = Path.Combine(dataDirectory, Name);
        var candidate = File.Exists(legacy) ? Convert.FromBase64String(File.ReadAllText(legacy).Trim()) : RandomNumberGenerator.GetBytes(32);
        using (var insert = new NpgsqlCommand("insert into workflow.shared_secrets (name, value) values (@n, @v) on conflict (name) do nothing", conn))
        {
            insert.Parameters.AddWithValue("n", Name);
            insert.Parameters.AddWithValue("v", candidate);
            insert.ExecuteNonQuery();
        }
        return Read(conn) ?? throw new InvalidOperationException("The shared supplier-link key could not be stored.");
    }

    private static byte[]? Read(NpgsqlConnection conn)
    {
        using var select = new NpgsqlCommand("select value from workflow.shared_secrets where name = @n", conn);
        select.Parameters.AddWithValue("n", Name);
        return select.ExecuteScalar() as byte[];
    }
}
