namespace Workflow.Domain.Security;

public static class Roles
{
    public const string ComplianceOwner = "ComplianceOwner";
    public const string Manager = "Manager";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [ComplianceOwner, Manager, Auditor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
