using Workflow.Api.Pages.Layout;
using Workflow.Application.Campaigns;
using Workflow.Application.Queries;

namespace Workflow.Api.Pages.Campaigns;

/// <summary>One page of a campaign's suppliers, and whether the reader may import and upload.</summary>
public sealed record SupplierListModel(Campaign Campaign, SupplierListPage List, bool IsOwner, Notice? Notice);
