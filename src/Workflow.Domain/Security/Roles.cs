namespace Workflow.Domain.Security;

public static class Roles
{
    public const string ComplianceOwner = "ComplianceOwner";
    public const string Manager = "Manager";
    public const string Auditor = "Auditor";
    /// <summary>Handles concerns of the grievance mechanism; reads nothing else.</summary>
    public const string Investigator = "Investigator";
    /// <summary>The hotline provider's key: may hand concerns in, read nothing.</summary>
    public const string GrievanceIntake = "GrievanceIntake";

    /// <summary>Every role a user or an API key may hold.</summary>
    public static readonly IReadOnlyList<string> All = [ComplianceOwner, Manager, Auditor, Investigator, GrievanceIntake];

    /// <summary>The roles that read the due-diligence records (campaigns, cases, reports…): not the grievance-only ones.</summary>
    public static readonly IReadOnlyList<string> Staff = [ComplianceOwner, Manager, Auditor];

    /// <summary>Who reads and handles concerns. Auditors and managers do not: a concern may be about anyone.</summary>
    public static readonly IReadOnlyList<string> ConcernHandlers = [Investigator, ComplianceOwner];

    /// <summary>Who may hand in a concern through the API.</summary>
    public static readonly IReadOnlyList<string> ConcernIntake = [GrievanceIntake, ComplianceOwner];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
