namespace Workflow.Application.Submissions;

/// <summary>Section "Uploads": limits on files suppliers and staff send in.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    /// <summary>Largest accepted CMRT file; real templates are 0.6–2.5 MB.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>
    /// Files kept per case from suppliers (link and e-mail); past it a supplier's upload is refused with 429 and the
    /// case gets a note for a person. Staff uploads are not counted against it.
    /// </summary>
    public int MaxStoredPerCase { get; set; } = 20;
    /// <summary>Uploads through one supplier link per hour.</summary>
    public int PerLinkPerHour { get; set; } = 10;
    /// <summary>Uploads through supplier links from one client address per hour.</summary>
    public int PerAddressPerHour { get; set; } = 30;
}
