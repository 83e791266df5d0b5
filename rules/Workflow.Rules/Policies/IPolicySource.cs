namespace Workflow.Rules.Policies;

/// <summary>
/// Where assessors find a policy version: a folder for the CLI (<see cref="PolicyCatalog"/>), the database for the
/// service, where activated versions never change.
/// </summary>
public interface IPolicySource
{
    /// <summary>The active version of that name, or null when none is active.</summary>
    Policy? Get(string version);

    /// <summary>Every active version by name.</summary>
    IReadOnlyDictionary<string, Policy> Active { get; }
}
