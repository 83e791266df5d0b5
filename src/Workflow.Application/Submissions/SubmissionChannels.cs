namespace Workflow.Application.Submissions;

/// <summary>How a file reached a case; the supplier channels are the ones a stranger holding a link or a mailbox can use.</summary>
public static class SubmissionChannels
{
    public const string SupplierLink = "supplier-link";
    public const string Email = "email";
    public const string ApiUpload = "upload";
    public const string PageUpload = "page-upload";
    /// <summary>The supplier confirmed, through its link, that last year's CMRT still holds; the same file is submitted again.</summary>
    public const string Confirmation = "confirmation";

    public static readonly string[] FromSuppliers = [SupplierLink, Email, Confirmation];

    public static bool IsFromSupplier(string channel) => FromSuppliers.Contains(channel);
}
