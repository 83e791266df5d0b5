namespace Workflow.Domain.Grievances;

/// <summary>How a concern reached us. Stored: do not rename.</summary>
public static class ConcernChannels
{
    public const string Web = "web";
    public const string Email = "email";
    public const string Hotline = "hotline";
    public const string Letter = "letter";
    public const string InPerson = "in-person";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Web, Email, Hotline, Letter, InPerson, Other];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);
}

/// <summary>The metals a concern may be about.</summary>
public static class ConcernMetals
{
    public static readonly IReadOnlyList<string> All = ["tin", "tantalum", "tungsten", "gold", "other"];

    public static bool IsKnown(string? metal) => metal is not null && All.Contains(metal, StringComparer.Ordinal);
}
