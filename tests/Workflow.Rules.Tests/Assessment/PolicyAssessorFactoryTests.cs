using Workflow.Tests.Shared;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Assessment;

public sealed class PolicyAssessorFactoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Create_PinnedVersion_UsesItAndTheGivenReferenceList()
    {
        _folder.Write("c.yaml", "version: campaign-2026\nextends: default");
        using var catalog = new PolicyCatalog(_folder.Path, watch: false);

        var assessor = new PolicyAssessorFactory(catalog, DefaultPolicy.Rules).Create(References.List, "campaign-2026");

        var result = assessor.Assess(DeclarationBuilder.Clean().Build(), [], new DateOnly(2026, 1, 1));
        Assert.Equal("campaign-2026", result.PolicyVersion);
        Assert.Equal(References.List.Version, result.ReferenceListVersion);
    }

    [Fact]
    public void Create_UnknownVersion_SaysWhichAreActive()
    {
        using var catalog = new PolicyCatalog(null);

        var error = Assert.Throws<KeyNotFoundException>(() => new PolicyAssessorFactory(catalog, DefaultPolicy.Rules).Create(References.List, "nope"));

        Assert.Contains("active versions: default", error.Message);
    }

    [Fact]
    public void FromFile_NoPath_IsTheDefault_InvalidFileThrowsWithErrors()
    {
        Assert.Equal("default", PolicyAssessorFactory.FromFile(DefaultPolicy.Rules, null, References.List).Policy.Version);

        var bad = _folder.Write("bad.json", """{ "version": "x", "extends": "default", "coveredCountries": ["Wakanda"] }""");
        var error = Assert.Single(Assert.Throws<PolicyValidationException>(() => PolicyAssessorFactory.FromFile(DefaultPolicy.Rules, bad, References.List)).Errors);
        Assert.Equal("coveredCountries[0]", error.KeyPath);
    }
}
