using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflow.Infrastructure.Database;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Products;

/// <summary>Migration 0023 on a register that already has free parts lists: they become part sources, nothing is lost.</summary>
public class ProductMigrationTests
{
    [Fact]
    public async Task SuppliersPartsLists_BecomePartSources_OnePartPerNumber()
    {
        var connectionString = TestCluster.NewDatabase();
        var (a, b, merged) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            // The schema as it was before 0023, recorded as applied, so the runner applies 0023 over existing data.
            await Exec(conn, "create schema if not exists workflow; create table if not exists workflow.schema_migrations (version text primary key, applied_at timestamptz not null default now())");
            foreach (var script in MigrationRunner.Scripts.Where(s => string.CompareOrdinal(Version(s), "0023") < 0))
            {
                await using var stream = typeof(MigrationRunner).Assembly.GetManifestResourceStream(script)!;
                await Exec(conn, await new StreamReader(stream).ReadToEndAsync());
                await Exec(conn, $"insert into workflow.schema_migrations (version) values ('{Version(script)}')");
            }
            await Exec(conn, $"""
                insert into workflow.suppliers (id, code, name, email, parts, created_at, updated_at) values
                  ('{a}', 'MIG-A', 'Migrated A', 'a@mig.example', array['MIG-P1', ' MIG-P2 ', ''], now(), now()),
                  ('{b}', 'MIG-B', 'Migrated B', 'b@mig.example', array['mig-p1'], now(), now());
                insert into workflow.suppliers (id, name, email, parts, merged_into, created_at, updated_at) values
                  ('{merged}', 'Merged Away', 'm@mig.example', array['MIG-P9'], '{a}', now(), now());
                """);
        }

        using var app = new WorkflowApp(connectionString);
        var owner = app.ClientFor(WorkflowApp.OwnerKey);

        var supplierA = await owner.GetFromJsonAsync<JsonElement>($"/api/suppliers/{a}");
        var supplierB = await owner.GetFromJsonAsync<JsonElement>($"/api/suppliers/{b}");
        var all = await owner.GetFromJsonAsync<JsonElement[]>("/api/parts") ?? [];
        Assert.Equal(["MIG-P1", "MIG-P2"], supplierA.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!.ToUpperInvariant()));
        Assert.Equal(["MIG-P1"], supplierB.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!.ToUpperInvariant()));
        Assert.Equal(["MIG-P1", "MIG-P2"], all.Select(p => p.GetProperty("partNumber").GetString()!.ToUpperInvariant()).Order());
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select count(*) from workflow.product_changes where actor = 'migration' and field = 'source'", conn);
            Assert.Equal(3L, await cmd.ExecuteScalarAsync());
        }
    }

    /// <summary>"….Migrations.0001_core.sql" → "0001_core", as the runner records it.</summary>
    private static string Version(string resource) => resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..^".sql".Length];

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
