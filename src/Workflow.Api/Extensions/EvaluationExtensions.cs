namespace Workflow.Api.Extensions;

public static class EvaluationExtensions
{
    public static IServiceCollection AddWorkflowEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
