using Microsoft.Extensions.Options;
using Workflow.Cmrt.Evaluation;
using Workflow.Application.Evaluation;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;
using Workflow.Application.Policies;
using Workflow.Application.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;

namespace Workflow.Api.Extensions;

public static class EvaluationExtensions
{
    public static IServiceCollection AddWorkflowEvaluation(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceListStore>();
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section);
        // Policy versions live in PostgreSQL, shared by every instance; the folder only feeds it (at start, and on reload).
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<IPolicySource>(sp => sp.GetRequiredService<PolicyStore>());
        services.AddSingleton<PolicyFolderImport>();
        // Registered after the migrations' hosted service, so the tables exist.
        services.AddHostedService<ImportPoliciesOnStart>();
        // Compiling the rules takes hundreds of milliseconds: once per process, then a cheap session per evaluation.
        services.AddSingleton(_ => PolicyRuleSet.Compile());
        services.AddSingleton<IAssessorFactory, PolicyAssessors>();
        services.AddSingleton<PolicyAdministration>();
        services.AddSingleton<PolicySimulations>();
        // One evaluator for uploads, e-mail intake and simulations, so they cannot disagree.
        services.AddSingleton<ServiceDeclarationEvaluator>();
        services.AddSingleton<IPolicyAwareEvaluator>(sp => sp.GetRequiredService<ServiceDeclarationEvaluator>());
        services.AddSingleton<IDeclarationEvaluator>(sp => sp.GetRequiredService<ServiceDeclarationEvaluator>());
        return services;
    }

    private sealed class ImportPoliciesOnStart(PolicyFolderImport import) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => import.ImportAsync(PolicyFolderImport.SystemActor, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
