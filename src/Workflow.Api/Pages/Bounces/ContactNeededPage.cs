using Workflow.Api.Pages.Layout;
using Workflow.Application.Bounces;
using Workflow.Application.Campaigns;
using Workflow.Application.Cases;

namespace Workflow.Api.Pages.Bounces;

/// <summary>/campaigns/{id}/contact-needed: the cases whose survey did not reach the supplier, for a person to find an address.</summary>
public static class ContactNeededPage
{
    public static void MapContactNeededPage(this IEndpointRouteBuilder pages) =>
        pages.MapGet("/campaigns/{id:guid}/contact-needed", async (Guid id, CampaignStore campaigns,
            ContactNeeded list, CancellationToken ct) =>
        {
            var campaign = await campaigns.GetAsync(id, ct) ?? throw new NotFoundException("Campaign", id);
            return PageResult.Of<ContactNeededView, ContactNeededModel>(new ContactNeededModel(campaign, await list.ForCampaignAsync(id, ct)));
        });
}

/// <summary>A campaign and its cases waiting for a working supplier address.</summary>
public sealed record ContactNeededModel(Campaign Campaign, IReadOnlyList<ContactNeededEntry> Entries);
