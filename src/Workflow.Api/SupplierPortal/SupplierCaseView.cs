namespace Workflow.Api.SupplierPortal;

/// <summary>What the supplier page shows about the case: only the supplier's own, nothing internal.</summary>
public sealed record SupplierCaseView(Guid CaseId, string Reference, string SupplierName, string SupplierEmail, string CampaignName,
    DateOnly ResponseDueDate, string State, long MaxBytes, SupplierTexts Texts)
{
    /// <summary>The case's stage within <see cref="State"/> when known (it is not after an upload changed the state).</summary>
    public string? Stage { get; init; }
}
