using Workflow.Infrastructure.Demo;

namespace Workflow.Api.Extensions;

public static class DemoExtensions
{
    /// <summary>Runs the service; with <c>--demo</c> loads the demo campaign (once per database) after start-up.</summary>
    public static async Task RunWithDemoOptionAsync(this WebApplication app, bool loadDemo)
    {
        await app.StartAsync();
        if (loadDemo)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoCampaignLoader>().LoadAsync(app.Lifetime.ApplicationStopping);
        }
        foreach (var url in app.Urls) app.Logger.LogInformation("Service ready on {Url}", url);
        await app.WaitForShutdownAsync();
    }
}
