namespace Workflow.Api.Pages;

/// <summary>Settings of the pages: <c>Pages:*</c> in appsettings.template.json.</summary>
public sealed class PageOptions
{
    public const string Section = "Pages";
    /// <summary>Days management has to decide an escalation when the case carries no due date of its own.</summary>
    public int EscalationWindowDays { get; set; } = 30;
    /// <summary>Rows per page in the queue and supplier lists.</summary>
    public int PageSize { get; set; } = 50;
    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
    /// <summary>Sign-in attempts allowed per client address per minute; more get 429, which slows password guessing.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
