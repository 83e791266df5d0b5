using Workflow.Api.Pages.Layout;
using Workflow.Application.Suppliers;

namespace Workflow.Api.Pages.Suppliers;

/// <summary>The register: the suppliers matching the search, and whether there are more.</summary>
public sealed record RegisterListModel(IReadOnlyList<SupplierRecord> Suppliers, string? Query, string? Status, int Offset, bool HasMore, bool CanEdit, Notice? Notice);

/// <summary>One supplier with its campaigns and history, and the owner's forms.</summary>
public sealed record SupplierDetailModel(SupplierDetail Detail, bool CanEdit, Notice? Notice);
