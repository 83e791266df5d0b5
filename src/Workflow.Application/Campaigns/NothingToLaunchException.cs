namespace Workflow.Application.Campaigns;

/// <summary>
/// A campaign launched with no in-scope supplier to survey: refused (409), because a launch marks the campaign as
/// launched and hides the launch step, and a campaign launched empty surveys no one.
/// </summary>
public sealed class NothingToLaunchException(string message) : Exception(message);
