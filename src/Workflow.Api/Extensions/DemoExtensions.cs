namespace Workflow.Api.Extensions;

public static class DemoExtensions
{
    /// <summary>Runs the service; with <c>--demo</c> loads the demo campaign first (once).</summary>
    public static async Task RunWithDemoOptionAsync(this WebApplication app, string[] args)
    {
        await app.RunAsync();
    }
}
