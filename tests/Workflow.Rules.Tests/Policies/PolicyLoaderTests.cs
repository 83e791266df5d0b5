using Workflow.Rules.Policies;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Policies;

public sealed class PolicyLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static PolicyError SingleError(Action load) => Assert.Single(Assert.Throws<PolicyValidationException>(load).Errors);

    [Fact]
    public void Default_IsBuiltInAndFollowsTheSeed()
    {
        var policy = PolicyLoader.Default;

        Assert.Equal("default", policy.Version);
        Assert.Equal(10, policy.CoveredCountries.Count);
        Assert.Contains("CD", policy.CoveredCountries);
        Assert.Contains("SS", policy.CoveredCountries);
        Assert.Equal(FlagEffect.Escalate, policy.EffectOf(RedFlags.CoveredCountrySourcing));
        Assert.Equal(FlagEffect.Escalate, policy.EffectOf(RedFlags.SmelterOnConcernList));
        Assert.Equal(FlagEffect.Warn, policy.EffectOf(RedFlags.SmelterAuditStatusNotAcceptable));
        Assert.Equal(FlagEffect.Warn, policy.EffectOf(RedFlags.LowSupplierResponseRate));
        Assert.Equal(["policy", "dueDiligenceMeasures", "reviewsSupplierInformation", "correctiveAction"], policy.StrongProgramCriteria);
        Assert.All(RedFlags.All, f => Assert.True(policy.RedFlags.ContainsKey(f), f));
    }

    [Fact]
    public void LoadFolder_RepositoryPolicies_StrictInheritsAndOverrides()
    {
        var policies = PolicyLoader.LoadFolder(TempFolder.RepositoryPolicyFolder());
        var strict = policies["2026-strict"];

        Assert.Equal(policies["default"].CoveredCountries, strict.CoveredCountries);
        Assert.Contains("MM", strict.CahraCountries);
        Assert.False(strict.IsAcceptable("Progressing"));
        Assert.True(strict.IsAcceptable("conformant"));
        Assert.True(PolicyLoader.Default.IsAcceptable("Cross Recognized"));
        Assert.Equal(90, strict.MinimumSupplierResponseRate);
        Assert.Equal(FlagEffect.Escalate, strict.EffectOf(RedFlags.SmelterNotOnReferenceList));
        Assert.Equal(FlagEffect.Escalate, strict.EffectOf(RedFlags.SmelterInCoveredCountry));
        Assert.Equal(FlagEffect.Warn, strict.EffectOf(RedFlags.SmelterNotYetIdentified));
    }

    [Fact]
    public void LoadFile_Json_IsAccepted()
    {
        var file = _folder.Write("p.json", """
            { "version": "json-1", "extends": "default",
              "concernList": [ { "cid": "CID001234", "reason": "UN Group of Experts report" } ],
              "redFlags": { "lowSupplierResponseRate": "ignore" } }
            """);

        var policy = PolicyLoader.LoadFile(file);

        Assert.Equal("UN Group of Experts report", policy.ConcernFor("cid001234")!.Reason);
        Assert.Equal(FlagEffect.Ignore, policy.EffectOf(RedFlags.LowSupplierResponseRate));
        Assert.Equal(file, policy.Source);
    }

    [Theory]
    [InlineData("DRC")]
    [InlineData("Democratic Republic of the Congo")]
    [InlineData("Congo, The Democratic Republic of the")]
    [InlineData("congo (kinshasa)")]
    [InlineData("CD")]
    [InlineData("COD")]
    public void Countries_CommonVariants_ResolveToTheSameCode(string name) => Assert.Equal("CD", Countries.Resolve(name));

    [Theory]
    [InlineData("Tanzania", "TZ")]
    [InlineData("Republic of the Congo", "CG")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("UNITED STATES", "US")]
    [InlineData("Korea, Republic of", "KR")]
    public void Countries_Names_Resolve(string name, string code) => Assert.Equal(code, Countries.Resolve(name));

    [Fact]
    public void Parse_UnknownKey_NamesTheKey()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "version: p\nextends: default\ncoverdCountries: [DRC]"));

        Assert.Equal("p.yaml", error.File);
        Assert.Equal("coverdCountries", error.KeyPath);
        Assert.Contains("unknown key", error.Message);
    }

    [Fact]
    public void Parse_UnknownCountry_NamesTheListItem()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "version: p\nextends: default\ncahraCountries: [Myanmar, Atlantis]"));

        Assert.Equal("cahraCountries[1]", error.KeyPath);
        Assert.Contains("unknown country 'Atlantis'", error.Message);
    }

    [Fact]
    public void Parse_MalformedCid_NamesTheEntry()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml",
            "version: p\nextends: default\nconcernList:\n  - cid: CID12\n    reason: report"));

        Assert.Equal("concernList[0].cid", error.KeyPath);
        Assert.Contains("malformed CID 'CID12'", error.Message);
    }

    [Fact]
    public void Parse_BadEffect_SaysWhatIsExpected()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "version: p\nextends: default\nredFlags:\n  cahraSourcing: block"));

        Assert.Equal("redFlags.cahraSourcing", error.KeyPath);
        Assert.Contains("expected escalate, warn or ignore", error.Message);
    }

    [Fact]
    public void Parse_UnknownFlagAndCriterionAndBadNumbers_AllReportedAtOnce()
    {
        var errors = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadText("p.yaml", """
            version: p
            extends: default
            strongProgramCriteria: [policy, hasHotline]
            minimumSupplierResponseRate: 120
            redFlags:
              smelterIsBad: escalate
            """)).Errors;

        Assert.Equal(
            ["minimumSupplierResponseRate", "redFlags.smelterIsBad", "strongProgramCriteria[1]"],
            errors.Select(e => e.KeyPath).Order());
    }

    [Fact]
    public void Parse_OldEscalationTiming_IsRejectedWithWhereTimingLivesNow()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "version: p\nextends: default\nescalation:\n  correctionDueDays: 21"));

        Assert.Equal("escalation", error.KeyPath);
        Assert.Contains("workflows/follow-up.json", error.Message);
        Assert.Contains("Invalid (the correction window)", error.Message);
    }

    [Fact]
    public void Resolve_UnknownParent_IsRejected()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "version: p\nextends: 2025-lenient"));

        Assert.Equal("extends", error.KeyPath);
        Assert.Contains("unknown parent policy '2025-lenient'", error.Message);
    }

    [Fact]
    public void Resolve_Cycle_IsRejected()
    {
        _folder.Write("a.yaml", "version: a\nextends: b");
        _folder.Write("b.yaml", "version: b\nextends: a");

        var errors = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFolder(_folder.Path)).Errors;

        Assert.Contains(errors, e => e.KeyPath == "extends" && e.Message.Contains("inheritance cycle"));
    }

    [Fact]
    public void Resolve_ChainOfThree_InheritsThroughTheMiddle()
    {
        _folder.Write("a.yaml", "version: a\nextends: default\nminimumSupplierResponseRate: 50");
        _folder.Write("b.yaml", "version: b\nextends: a\nredFlags:\n  notAllSmeltersIdentified: ignore");

        var b = PolicyLoader.LoadFolder(_folder.Path)["b"];

        Assert.Equal(50, b.MinimumSupplierResponseRate);
        Assert.Equal(FlagEffect.Ignore, b.EffectOf(RedFlags.NotAllSmeltersIdentified));
        Assert.Equal(FlagEffect.Escalate, b.EffectOf(RedFlags.CoveredCountrySourcing));
    }

    [Fact]
    public void Resolve_NoParentAndIncomplete_ListsMissingKeys()
    {
        var errors = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadText("p.yaml", "version: p\ncoveredCountries: [DRC]")).Errors;

        Assert.Contains(errors, e => e.KeyPath == "acceptableAuditStatuses" && e.Message.Contains("extends: default"));
        Assert.Contains(errors, e => e.KeyPath == "redFlags.cahraSourcing");
    }

    [Fact]
    public void LoadFolder_DuplicateVersion_IsRejected()
    {
        _folder.Write("a.yaml", "version: same\nextends: default");
        _folder.Write("b.json", """{ "version": "same", "extends": "default" }""");

        var error = SingleError(() => PolicyLoader.LoadFolder(_folder.Path));

        Assert.Contains("also defined in", error.Message);
    }

    [Fact]
    public void Parse_BrokenYaml_ReportsTheLine()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "version: p\nredFlags: [\n  a: b"));

        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void Parse_MissingVersion_IsRequired()
    {
        var error = SingleError(() => PolicyLoader.LoadText("p.yaml", "extends: default"));

        Assert.Equal("version", error.KeyPath);
    }
}
