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
        // The policy folder is watched: a valid edit becomes active, an invalid one is reported and ignored. The catalog
        // lives in Workflow.Rules, which knows nothing of options, so it is built here from the bound values.
        services.AddSingleton(sp =>
        {
            var policies = sp.GetRequiredService<IOptions<PolicyOptions>>().Value;
            return new PolicyCatalog(Directory.CreateDirectory(RepositoryPaths.Resolve(policies.Folder)).FullName, policies.Watch);
        });
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
}
