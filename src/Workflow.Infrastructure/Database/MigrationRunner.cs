using System.Reflection;
using Npgsql;
using Workflow.Application.Configuration;

namespace Workflow.Infrastructure.Database;

/// <summary>
/// Applies the numbered SQL scripts embedded from Database/Migrations, each once, in order, inside one
/// transaction that holds an advisory lock, so instances starting together neither race nor half-migrate.
/// </summary>
/// <remarks>To add a migration, drop <c>NNNN_name.sql</c> into Database/Migrations; never edit an applied one.</remarks>
public static class MigrationRunner
{
    // Any constant unique to this application; pg_advisory_xact_lock releases it at commit or rollback.
    private const long LockKey = 0x3713_C0F1_1C7;

    public static IReadOnlyList<string> Scripts { get; } = typeof(MigrationRunner).Assembly.GetManifestResourceNames()
        .Where(n => n.Contains(".Database.Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    /// <summary>Returns the names of the scripts applied by this call.</summary>
    public static IReadOnlyList<string> Migrate(string connectionString)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var tx = conn.BeginTransaction();
        Exec(conn, tx, $"select pg_advisory_xact_lock({LockKey})");
        Exec(conn, tx, """
            create schema if not exists workflow;
            create table if not exists workflow.schema_migrations (
                version    text primary key,
                applied_at timestamptz not null default now()
            );
            """);
        var applied = new HashSet<string>();
        using (var cmd = new NpgsqlCommand("select version from workflow.schema_migrations", conn, tx))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) applied.Add(reader.GetString(0));

        var done = new List<string>();
        foreach (var resource in Scripts)
        {
            var version = VersionOf(resource);
            if (applied.Contains(version)) continue;
            Exec(conn, tx, Read(resource));
            using var mark = new NpgsqlCommand("insert into workflow.schema_migrations(version) values (@v)", conn, tx);
            mark.Parameters.AddWithValue("v", version);
            mark.ExecuteNonQuery();
            done.Add(version);
        }
        tx.Commit();
        return done;
    }

    /// <summary>"Workflow.Infrastructure.Database.Migrations.0001_core.sql" → "0001_core".</summary>
    private static string VersionOf(string resource)
    {
        var name = resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
        return name[..^".sql".Length];
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.ExecuteNonQuery();
    }
}
