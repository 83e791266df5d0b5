namespace Workflow.Application.Email;

/// <summary>Section "Email": how the outbox is worked off.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    /// <summary>Run the outbox dispatcher in this instance (every instance may; claims never overlap).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>How long the dispatcher sleeps when the outbox is empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Messages claimed and sent over one SMTP connection at a time.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>How long a claim holds; after it, another dispatcher may take the message (crash recovery).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>First retry delay after a failure; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Where .eml files go when Smtp:Host is empty; empty = &lt;data folder&gt;/outbox-eml.</summary>
    public string? EmlDirectory { get; set; }
    /// <summary>
    /// Send an HTML alternative beside the text (derived from it). It makes messages about 2.5 times larger; turn it
    /// off where the relay's volume matters more than clickable links.
    /// </summary>
    public bool HtmlAlternative { get; set; } = true;
}
