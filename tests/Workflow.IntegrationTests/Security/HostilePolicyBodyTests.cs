using System.Diagnostics;
using System.Net;
using System.Text;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Security;

/// <summary>
/// The policy endpoints parse YAML from the request body: an alias bomb or deep nesting is refused with 400 quickly,
/// and the service stays up to answer the next request.
/// </summary>
public class HostilePolicyBodyTests(SecurityApp fixture) : IClassFixture<SecurityApp>
{
    private readonly WorkflowApp _app = fixture.Workflow;

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    public static TheoryData<string, string> Bodies() => new()
    {
        { "alias bomb", Workflow.Tests.Shared.HostileYaml.AliasBomb(9) },
        { "deep nesting", Workflow.Tests.Shared.HostileYaml.DeepNesting(100_000) },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task PolicyUploadAndSimulation_WithHostileYaml_Are400InUnderASecond(string what, string body)
    {
        var owner = _app.ClientFor(WorkflowApp.OwnerKey);
        var campaign = await owner.CreateCampaignAsync($"hostile {what}");
        // A small body of the same kind first: the budget is for the hostile input, not for the endpoints' first JIT.
        var warmUp = what == "alias bomb" ? Workflow.Tests.Shared.HostileYaml.AliasBomb(1) : Workflow.Tests.Shared.HostileYaml.DeepNesting(40);
        await owner.PostAsync("/api/policies", Yaml(warmUp));
        await owner.PostAsync($"/api/campaigns/{campaign}/simulations", Yaml(warmUp));
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;

        var clock = Stopwatch.StartNew();
        var upload = await owner.PostAsync("/api/policies", Yaml(body));
        var uploadTook = clock.Elapsed;
        clock.Restart();
        var simulation = await owner.PostAsync($"/api/campaigns/{campaign}/simulations", Yaml(body));
        var simulationTook = clock.Elapsed;

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, simulation.StatusCode);
        Assert.Contains("not accepted at line", await upload.Content.ReadAsStringAsync());
        Assert.True(uploadTook < TimeSpan.FromSeconds(1), $"upload took {uploadTook}");
        Assert.True(simulationTook < TimeSpan.FromSeconds(1), $"simulation took {simulationTook}");
        Assert.True(Process.GetCurrentProcess().WorkingSet64 - memoryBefore < 200L * 1024 * 1024, "the service's memory grew by more than 200 MB");
        Assert.Equal(HttpStatusCode.OK, (await _app.ClientFor(WorkflowApp.AuditorKey).GetAsync("/api/policies")).StatusCode);
    }
}
