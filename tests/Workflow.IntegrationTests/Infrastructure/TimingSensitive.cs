namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that wait on real clocks (Hangfire polling, a separate service process): xunit runs this collection alone,
/// after the parallel ones, so a busy two-core machine cannot starve them into a false failure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}
