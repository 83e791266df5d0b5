using Workflow.Cmrt.Evaluation;

namespace Workflow.Api.Extensions;

public static class EvaluationExtensions
{
    public static IServiceCollection AddWorkflowEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        // One evaluator for uploads, e-mail intake and simulations, so they cannot disagree.
        services.AddSingleton<IDeclarationEvaluator>(_ => new CmrtEvaluator());
        return services;
    }
}
