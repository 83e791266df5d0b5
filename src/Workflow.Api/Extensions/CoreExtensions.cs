using Workflow.Application.Campaigns;
using Workflow.Application.Cases;
using Workflow.Application.Submissions;
using Workflow.Application.Suppliers;
using Workflow.StateMachines;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Extensions;

public static class CoreExtensions
{
    public static IServiceCollection AddWorkflowCore(this IServiceCollection services)
    {
        // The supplier case machine every transition, timer and message follows; TryAdd so a test can bring its own.
        services.TryAddSingleton(CaseMachine.Default);
        services.AddSingleton<CaseTransitions>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseNotes>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignAuditTrail>();
        services.AddSingleton<SupplierStore>();
        services.AddSingleton<SupplierRegister>();
        services.AddSingleton<SupplierQueries>();
        services.AddSingleton<SupplierEditing>();
        services.AddSingleton<Workflow.Application.Products.ProductRegister>();
        services.AddSingleton<Workflow.Application.Products.ProductQueries>();
        // Marks a supplier terminated (and tells procurement) in the same transaction as the approved termination.
        services.AddSingleton<ITransitionParticipant, SupplierTerminationParticipant>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<Workflow.Application.ProductLevel.SupplierParts>();
        services.AddOptions<Workflow.Application.Confirmations.ConfirmationOptions>().BindConfiguration(Workflow.Application.Confirmations.ConfirmationOptions.Section);
        services.AddSingleton<Workflow.Application.Confirmations.CmrtConfirmations>();
        services.AddSingleton<Workflow.DevHost.Demo.DemoCampaignLoader>();
        services.AddSingleton<Workflow.DevHost.Demo.DemoConcerns>();
        services.AddTransient<Workflow.Infrastructure.Jobs.LaunchWaveJob>();
        return services;
    }
}
