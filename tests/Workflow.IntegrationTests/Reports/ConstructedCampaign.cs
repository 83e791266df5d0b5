using Workflow.Cmrt.Model;
using Workflow.IntegrationTests.Infrastructure;
using static Workflow.IntegrationTests.Reports.ReportWorkbooks;

namespace Workflow.IntegrationTests.Reports;

/// <summary>
/// Six suppliers: Alpha valid (not from covered countries), Bravo valid but undetermined with a product-level CMRT,
/// a weak program and name variants, Charlie invalid then corrected (no 3TG), Delta still invalid, Echo silent, and
/// Foxtrot late with a conformant covered-country smelter (red flag, risk accepted; determination: covered countries
/// through conformant smelters).
/// </summary>
public sealed class ConstructedCampaign : IAsyncLifetime
{
    public WorkflowApp App { get; } = new();
    public ReportScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var s = Scenario = await ReportScenario.StartAsync(App, "Constructed 2026",
            "Alpha Parts", "Bravo Metals", "Charlie Cables", "Delta Devices", "Echo Electronics", "Foxtrot Fasteners");

        Assert.Equal("accepted", await s.SubmitAsync("Alpha Parts", s.Spec("Alpha Parts").InScope("No", "No", Metal.Gold, Metal.Tin) with
        {
            Smelters = [Line(AlphaGold), Line(GammaTin)],
        }));
        Assert.Equal("accepted", await s.SubmitAsync("Bravo Metals", s.Spec("Bravo Metals").InScope("Unknown", "No", Metal.Gold) with
        {
            Scope = "B. Product (or List of Products)",
            Products = [new Workflow.Cmrt.Writing.ProductLine("P-1", "Gold-plated pin")],
            CompanyAnswers = WeakProgram,
            CompanyComments = new string?[8],
            Smelters = [Line(AlphaGold), Variant(Metal.Gold, "ALPHA GOLD REFINERY CO LTD", "Japan"), Line(BetaGold), NotListed(Metal.Gold, "Zeta Smelting Co.", "Peru")],
        }));
        Assert.Equal("invalid", await s.SubmitAsync("Charlie Cables", s.Spec("Charlie Cables") with { CompanyName = null }));
        Assert.Equal("accepted", await s.SubmitAsync("Charlie Cables", s.Spec("Charlie Cables")));
        Assert.Equal("invalid", await s.SubmitAsync("Delta Devices", s.Spec("Delta Devices") with { ContactEmail = "compliance at delta" }));

        // Foxtrot answers after the 2027-03-31 due date.
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("red-flag", await s.SubmitAsync("Foxtrot Fasteners", s.Spec("Foxtrot Fasteners").InScope("No", "No", Metal.Gold, Metal.Tin) with
        {
            Smelters = [Line(DeltaTin), Line(GammaTin), NotListed(Metal.Gold, "ZETA SMELTING CO., LTD.", "Peru")],
        }));
        await s.DecideAsync("Foxtrot Fasteners", "accept-risk");
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
