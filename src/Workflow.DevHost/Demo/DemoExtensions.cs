using Microsoft.Extensions.Hosting;
using Workflow.DevHost.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflow.DevHost.Demo;

public static class DemoExtensions
{
    /// <summary>Runs the service; with <c>--demo</c> loads the demo campaign (once per database) after start-up.</summary>
    public static async Task RunWithDemoOptionAsync(this WebApplication app, bool loadDemo)
    {
        await app.StartAsync();
        try
        {
            if (loadDemo) await LoadDemoAsync(app);
            foreach (var url in app.Urls) app.Logger.LogInformation("Service ready on {Url}", url);
            await app.WaitForShutdownAsync();
        }
        finally
        {
            // Whatever ends the run (Ctrl-C while the demo loads, a failure), the host stops, and the embedded
            // PostgreSQL cluster stops with it instead of being left running.
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task LoadDemoAsync(WebApplication app)
    {
        try
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoCampaignLoader>().LoadAsync(app.Lifetime.ApplicationStopping);
            await scope.ServiceProvider.GetRequiredService<DemoConcerns>().LoadAsync(app.Lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            app.Logger.LogWarning("Stopped while loading the demo campaign, which stays partly loaded; start with an empty data folder for a complete one");
        }
    }
}
