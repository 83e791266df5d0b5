using Workflow.Cmrt.Evaluation;
using Workflow.Infrastructure.Evaluation;
using Workflow.Infrastructure.Reference;

namespace Workflow.Api.Extensions;

public static class EvaluationExtensions
{
    public static IServiceCollection AddWorkflowEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReferenceListStore>();
        services.AddSingleton<IAssessorFactory, BasicAssessorFactory>();
        // One evaluator for uploads, e-mail intake and simulations, so they cannot disagree.
        services.AddSingleton<ServiceDeclarationEvaluator>();
        services.AddSingleton<IPolicyAwareEvaluator>(sp => sp.GetRequiredService<ServiceDeclarationEvaluator>());
        services.AddSingleton<IDeclarationEvaluator>(sp => sp.GetRequiredService<ServiceDeclarationEvaluator>());
        return services;
    }
}
