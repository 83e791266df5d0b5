namespace Workflow.Application.Suppliers;

/// <summary>A supplier in the register, as the API and the pages show it.</summary>
public sealed record SupplierRecord(
    Guid Id,
    string? Code,
    string Name,
    string Email,
    IReadOnlyList<string> ContactEmails,
    string? ContactName,
    string? Country,
    decimal? Spend,
    decimal? DeliveryQuantity,
    int? Priority,
    IReadOnlyList<string> Parts,
    string Language,
    string Status,
    string? StatusReason,
    DateTimeOffset? StatusChangedAt,
    string? StatusChangedBy,
    Guid? MergedInto);

/// <summary>One field of one supplier changed, as an import would change it (dry run) or did (audit).</summary>
public sealed record FieldChange(Guid SupplierId, string Supplier, string Field, string? From, string? To);

/// <summary>An entry of a supplier's change history.</summary>
public sealed record SupplierChange(DateTimeOffset At, string Actor, string Source, string Field, string? From, string? To);

public static class SupplierStatuses
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Terminated = "terminated";
    public static readonly string[] All = [Active, Inactive, Terminated];
}
