using Workflow.Infrastructure.Campaigns;
using Workflow.Infrastructure.Cases;
using Workflow.Infrastructure.Submissions;
using Workflow.Infrastructure.Suppliers;

namespace Workflow.Api.Extensions;

public static class CoreExtensions
{
    public static IServiceCollection AddWorkflowCore(this IServiceCollection services)
    {
        services.AddSingleton<CaseTransitions>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseNotes>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<SupplierStore>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<Workflow.Infrastructure.Demo.DemoCampaignLoader>();
        return services;
    }
}
