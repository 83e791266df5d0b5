using System.Diagnostics;
using System.Text;
using Workflow.Rules.Policies;
using static Workflow.Tests.Shared.HostileYaml;

namespace Workflow.Rules.Tests.Policies;

/// <summary>
/// Policy text arrives over HTTP from any compliance owner's session: a few hundred bytes must not cost gigabytes or
/// end the process. Each refusal is bounded in time and in memory allocated.
/// </summary>
public sealed class HostilePolicyTextTests
{
    private static (PolicyError Error, TimeSpan Elapsed, long Allocated) Refuse(string name, string text)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var errors = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadText(name, text)).Errors;
        clock.Stop();
        return (Assert.Single(errors), clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    [Fact]
    public void LoadText_AliasBombOfNineLevels_RefusedAtTheFirstAnchor_InUnderASecondAndFiftyMegabytes()
    {
        var (error, elapsed, allocated) = Refuse("bomb.yaml", AliasBomb(9));

        Assert.Contains("anchor &a0", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        Assert.True(allocated < 50L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void LoadText_AliasWithoutAnchorInThisDocument_RefusedAsAlias()
    {
        var (error, _, _) = Refuse("alias.yaml", "version: a\nextends: default\ncoveredCountries: *elsewhere\n");

        Assert.Contains("alias *elsewhere", error.Message);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(33)]
    public void LoadText_DeeplyNestedLists_RefusedWithoutOverflowingTheStack(int depth)
    {
        var (error, elapsed, allocated) = Refuse("deep.yaml", DeepNesting(depth));

        Assert.Contains("more than 32 levels deep", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        Assert.True(allocated < 50L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void LoadText_DeeplyNestedJson_RefusedByDepth()
    {
        var json = "{\"version\":\"deep\",\"extends\":\"default\",\"coveredCountries\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var (error, elapsed, _) = Refuse("deep.json", json);

        Assert.Contains("not valid JSON", error.Message);
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
    }

    [Fact]
    public void LoadText_OrdinaryNestingWithinTheCap_StillReads()
    {
        var policy = PolicyLoader.LoadText("ok.yaml", """
            version: ok
            extends: default
            concernList:
              - cid: CID000001
                reason: "grievance, 2026"
            redFlags:
              cahraSourcing: escalate
            """);

        Assert.Equal("ok", policy.Version);
        Assert.Equal(FlagEffect.Escalate, policy.EffectOf(RedFlags.CahraSourcing));
        Assert.Single(policy.ConcernList);
    }

    [Fact]
    public void LoadText_ListAsMapKey_RefusedWithWhereItIs()
    {
        var (error, _, _) = Refuse("key.yaml", "version: k\nextends: default\n? [a, b]\n: value\n");

        Assert.Contains("as a key", error.Message);
    }
}
