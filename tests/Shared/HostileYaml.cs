using System.Text;

namespace Workflow.Tests.Shared;

/// <summary>Small policy bodies that cost a naive YAML loader gigabytes or its stack; shared by the rules and API tests.</summary>
public static class HostileYaml
{
    /// <summary>A "billion laughs" in YAML: each level repeats the one before nine times (9 levels ≈ 3.9 × 10⁸ strings).</summary>
    public static string AliasBomb(int levels)
    {
        var sb = new StringBuilder("version: bomb\nextends: default\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i <= levels; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        return sb.ToString();
    }

    public static string DeepNesting(int depth) =>
        "version: deep\nextends: default\ncoveredCountries: " + new string('[', depth) + new string(']', depth) + "\n";
}
