using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.IntegrationTests.Reports;

namespace Workflow.IntegrationTests.ProductDeterminations;

/// <summary>
/// 5,000 products of 10 parts each: the determinations come from three queries per campaign, not one per product or
/// part. Its own service, so no other test reads 5,000 products; and an empty one first, for the page's empty state.
/// </summary>
public class ProductDeterminationScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FiveThousandProductsOfTenParts_DeterminedInOneRequest()
    {
        using var app = new WorkflowApp();
        var s = await ReportScenario.StartAsync(app, "Scale 2026", "Alpha Parts", "Bravo Metals");
        var empty = await app.ClientFor(WorkflowApp.OwnerKey).GetStringAsync($"/campaigns/{s.Campaign}/products");
        Assert.Contains("id=\"no-products\"", empty);
        Assert.Contains("href=\"/products\"", empty);

        Assert.Equal("accepted", await s.SubmitAsync("Alpha Parts", s.Spec("Alpha Parts").InScope("No", "No", Workflow.Cmrt.Model.Metal.Gold) with
        {
            Smelters = [ReportWorkbooks.Line(ReportWorkbooks.AlphaGold)],
        }));
        await using (var cmd = app.Service<NpgsqlDataSource>().CreateCommand("""
            insert into workflow.parts (id, part_number, created_at, updated_at)
            select gen_random_uuid(), 'SCALE-PART-' || i, now(), now() from generate_series(1, 20000) i;
            insert into workflow.part_sources (part_id, supplier_id, supplier_part_number, added_at)
            select p.id, s.id, 'S-' || p.part_number, now()
              from workflow.parts p cross join workflow.suppliers s
             where p.part_number like 'SCALE-PART-%' and s.name = case when right(p.part_number, 1) = '7' then 'Bravo Metals' else 'Alpha Parts' end;
            insert into workflow.products (id, product_number, name, family, created_at, updated_at)
            select gen_random_uuid(), 'SCALE-' || i, 'Scale product ' || i, 'Family ' || (i % 7), now(), now() from generate_series(1, 5000) i;
            insert into workflow.product_parts (product_id, part_id, added_at)
            select pr.id, pa.id, now()
              from workflow.products pr cross join generate_series(0, 9) k
              join workflow.parts pa on pa.part_number = 'SCALE-PART-' || ((substr(pr.product_number, 7)::int * 10 + k) % 20000 + 1)
             where pr.product_number like 'SCALE-%';
            """))
            await cmd.ExecuteNonQueryAsync();

        var watch = Stopwatch.StartNew();
        var products = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement>($"/api/campaigns/{s.Campaign}/products");
        watch.Stop();
        output.WriteLine($"5,000 products × 10 parts: {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(5000, products.GetArrayLength());
        Assert.All(products.EnumerateArray(), p => Assert.Equal(10, p.GetProperty("parts").GetArrayLength()));
        // Every product has a part ending in 7 (ten consecutive numbers), bought from Bravo, which has not answered.
        Assert.All(products.EnumerateArray(), p => Assert.Equal("undetermined", p.GetProperty("determination").GetString()));
        Assert.Contains("Bravo Metals has not responded", products[0].GetProperty("because").GetString());
        // The elapsed time is printed, not asserted: speed is a benchmark's business (README, "Measured on this machine").
        // The point here is that a campaign of this size answers at all in one request.
    }
}
