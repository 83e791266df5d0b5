using System.Net.Http.Json;
using System.Text.Json;
using Workflow.DevHost.Demo;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Demo;

public class DemoCampaignTests
{
    [Fact]
    public async Task Load_ShapedLikeTheSeed_AndOnlyOnce()
    {
        using var app = new WorkflowApp();
        var loader = app.Service<DemoCampaignLoader>();

        var id = await loader.LoadAsync(CancellationToken.None);
        var again = await loader.LoadAsync(CancellationToken.None);

        Assert.NotNull(id);
        Assert.Null(again);
        var cases = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{id}/cases");
        var states = cases!.GroupBy(c => c.GetProperty("state").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(132, cases!.Length);
        // 15 never answered (89% response), 11 still invalid, 10 corrected, 2 terminated; of the 5 open red flags, the two
        // suppliers whose parts are in the bill of materials were asked for a product-level CMRT (visible state Responded),
        // the other 3 are with management beside the 3 silent escalations.
        Assert.Equal(10, states["Surveyed"]);
        Assert.Equal(11, states["Invalid"]);
        Assert.Equal(10, states["Corrected"]);
        Assert.Equal(6, states["Escalated"]);
        Assert.Equal(2, states["Terminated"]);
        Assert.Equal(132 - 10 - 11 - 10 - 6 - 2, states["Responded"]);
        Assert.Equal(2, cases!.Count(c => c.GetProperty("stage").GetString() == "AwaitingProductLevelCmrt"));
        var products = await app.ClientFor(WorkflowApp.AuditorKey).GetFromJsonAsync<JsonElement[]>($"/api/campaigns/{id}/products");
        Assert.Equal(8, products!.Length);
        Assert.Equal("marked-no-3tg", products.Single(p => p.GetProperty("productNumber").GetString() == DemoProducts.ServicesProduct).GetProperty("determination").GetString());
        Assert.NotEmpty(products.Single(p => p.GetProperty("productNumber").GetString() == "WT-ECS-2").GetProperty("openParts").EnumerateArray());
        var answered = cases!.Count(c => c.TryGetProperty("lastOutcome", out var o) && o.ValueKind == JsonValueKind.String);
        Assert.Equal(117, answered);
    }
}

public class DemoConcernsTests
{
    [Fact]
    public async Task Load_ThreeConcernsInThreeStates_ByThreeChannels_AndOnlyOnce()
    {
        using var app = new WorkflowApp();
        var loader = app.Service<DemoConcerns>();

        await loader.LoadAsync(CancellationToken.None);
        await loader.LoadAsync(CancellationToken.None);

        var concerns = await app.ClientFor(WorkflowApp.InvestigatorKey).GetFromJsonAsync<JsonElement[]>("/api/concerns");
        Assert.Equal(["email:dismissed", "hotline:investigating", "web:under-review"],
            concerns!.Select(c => $"{c.GetProperty("channel").GetString()}:{c.GetProperty("state").GetString()}").Order());
        Assert.Equal(1, concerns!.Single(c => c.GetProperty("channel").GetString() == "web").GetProperty("messages").GetInt32());
    }
}
