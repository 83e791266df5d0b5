using Workflow.Rules.Policies;

namespace Workflow.Rules.Tests.Support;

public static class TestPolicies
{
    public static Policy Default => PolicyLoader.Default;

    /// <summary>A policy that extends the built-in default with the given YAML lines.</summary>
    public static Policy Extending(string yaml, string version = "test") =>
        PolicyLoader.LoadText($"{version}.yaml", $"version: {version}\nextends: default\n{yaml}");
}
