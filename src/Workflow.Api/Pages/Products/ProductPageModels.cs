using Workflow.Api.Pages.Layout;
using Workflow.Application.Products;

namespace Workflow.Api.Pages.Products;

/// <summary>The products matching the search, whether there are more, and the owner's import form.</summary>
public sealed record ProductListModel(IReadOnlyList<ProductRecord> Products, string? Query, int Offset, bool HasMore, bool CanEdit, Notice? Notice);

/// <summary>One product with its bill of materials and history, and the owner's no-3TG forms.</summary>
public sealed record ProductDetailModel(ProductDetail Detail, bool CanEdit, Notice? Notice);
