using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Reports;

namespace Workflow.IntegrationTests.ProductDeterminations;

/// <summary>
/// One service for the product determination tests. Products are not per campaign, so each test names its own
/// products and campaign and reads only those.
/// </summary>
public sealed class ProductDeterminationFixture : IAsyncLifetime
{
    public WorkflowApp App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A part of a product: our number, a reason when marked not containing 3TG, and where it is bought.</summary>
    public sealed record Part(string Number, params (Guid Supplier, string? SupplierPartNumber)[] Sources)
    {
        public string? No3tgReason { get; init; }
    }

    /// <summary>
    /// Writes a product and its bill of materials as the products import will (there is no import on this branch yet);
    /// parts are found again by number, so two products can share one.
    /// </summary>
    public async Task InsertProductAsync(string number, string name, string? family, params Part[] parts) =>
        await InsertProductAsync(number, name, family, null, parts);

    public async Task InsertProductAsync(string number, string name, string? family, string? no3tgReason, params Part[] parts)
    {
        var db = App.Service<NpgsqlDataSource>();
        var now = App.Clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var productId = Guid.CreateVersion7();
        await using (var cmd = new NpgsqlCommand("""
            insert into workflow.products (id, product_number, name, family, no_3tg, no_3tg_reason, no_3tg_by, no_3tg_at, created_at, updated_at)
            values (@id, @number, @name, @family, @no3tg, @reason, case when @no3tg then 'test' end, case when @no3tg then @now end, @now, @now)
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("id", productId);
            cmd.Parameters.AddWithValue("number", number);
            cmd.Parameters.AddWithValue("name", name);
            cmd.Parameters.AddWithValue("family", (object?)family ?? DBNull.Value);
            cmd.Parameters.AddWithValue("no3tg", no3tgReason is not null);
            cmd.Parameters.AddWithValue("reason", (object?)no3tgReason ?? DBNull.Value);
            cmd.Parameters.AddWithValue("now", now);
            await cmd.ExecuteNonQueryAsync();
        }
        foreach (var part in parts)
        {
            await using var cmd = new NpgsqlCommand("""
                insert into workflow.parts (id, part_number, no_3tg, no_3tg_reason, no_3tg_by, no_3tg_at, created_at, updated_at)
                values (@id, @number, @no3tg, @reason, case when @no3tg then 'test' end, case when @no3tg then @now end, @now, @now)
                on conflict (lower(part_number)) do nothing;
                insert into workflow.product_parts (product_id, part_id, added_at)
                select @product, id, @now from workflow.parts where lower(part_number) = lower(@number);
                """, conn, tx);
            cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("number", part.Number);
            cmd.Parameters.AddWithValue("no3tg", part.No3tgReason is not null);
            cmd.Parameters.AddWithValue("reason", (object?)part.No3tgReason ?? DBNull.Value);
            cmd.Parameters.AddWithValue("product", productId);
            cmd.Parameters.AddWithValue("now", now);
            await cmd.ExecuteNonQueryAsync();
            foreach (var (supplier, supplierPart) in part.Sources)
            {
                await using var source = new NpgsqlCommand("""
                    insert into workflow.part_sources (part_id, supplier_id, supplier_part_number, added_at)
                    select id, @supplier, @spn, @now from workflow.parts where lower(part_number) = lower(@number)
                    on conflict do nothing
                    """, conn, tx);
                source.Parameters.AddWithValue("supplier", supplier);
                source.Parameters.AddWithValue("spn", (object?)supplierPart ?? DBNull.Value);
                source.Parameters.AddWithValue("number", part.Number);
                source.Parameters.AddWithValue("now", now);
                await source.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    public async Task<Guid> SupplierAsync(Guid campaign, string supplierName) =>
        (Guid)(await ScalarAsync("""
            select s.id from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id
             where c.campaign_id = @campaign and s.name = @name
            """, ("campaign", campaign), ("name", supplierName)))!;

    /// <summary>A supplier in the register but in no case of the campaign.</summary>
    public async Task<Guid> RegisterOnlyAsync(string name)
    {
        var email = $"{Guid.NewGuid():N}@register-only.example";
        var response = await App.ClientFor(WorkflowApp.OwnerKey).PostAsync("/api/suppliers",
            new StringContent($"name,email,country\n{name},{email},Germany\n", Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (Guid)(await ScalarAsync("select id from workflow.suppliers where email = @email", ("email", email)))!;
    }

    /// <summary>The determination of the supplier's latest valid submission, as its current evaluation states it.</summary>
    public async Task<string?> CaseDeterminationAsync(Guid campaign, string supplierName) =>
        await ScalarAsync("""
            select e.evaluation->>'determination'
              from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id
              join workflow.submissions x on x.case_id = c.id
              cross join lateral workflow.current_evaluation(x.id) e
             where c.campaign_id = @campaign and s.name = @name and e.outcome in ('accepted', 'red-flag')
             order by x.received_at desc, x.id desc limit 1
            """, ("campaign", campaign), ("name", supplierName)) as string;

    public async Task<JsonElement> ProductAsync(Guid campaign, string productNumber, string query = "")
    {
        var all = await App.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/products{query}");
        return Assert.Single(all.EnumerateArray(), p => p.GetProperty("productNumber").GetString() == productNumber);
    }

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = App.Service<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        return await cmd.ExecuteScalarAsync();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public Task<ReportScenario> CampaignAsync(params string[] suppliers) =>
        ReportScenario.StartAsync(App, Unique("Products 2026"), suppliers);
}
