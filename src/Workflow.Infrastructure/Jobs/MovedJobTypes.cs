using Hangfire.Common;

namespace Workflow.Infrastructure.Jobs;

/// <summary>
/// Hangfire stores a job's type by name ("Workflow.Api.FollowUp.FollowUpTimerJob, Workflow.Api"). The job classes moved
/// from the API host to this project; jobs scheduled by an older version still carry the old names and resolve to the
/// moved classes here instead of failing when they fall due.
/// </summary>
public static class MovedJobTypes
{
    private const string OldNamespace = "Workflow.Api.FollowUp.";
    private const string OldAssembly = ", Workflow.Api";

    public static Type Resolve(string typeName) => TypeHelper.DefaultTypeResolver(Rename(typeName));

    public static string Rename(string typeName) =>
        typeName.StartsWith(OldNamespace, StringComparison.Ordinal) && typeName.EndsWith(OldAssembly, StringComparison.Ordinal)
            ? $"{typeof(MovedJobTypes).Namespace}.{typeName[OldNamespace.Length..^OldAssembly.Length]}, {typeof(MovedJobTypes).Assembly.GetName().Name}"
            : typeName;
}
