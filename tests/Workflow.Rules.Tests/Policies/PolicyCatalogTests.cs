using Workflow.Rules.Policies;
using Workflow.Rules.Tests.Support;

namespace Workflow.Rules.Tests.Policies;

public sealed class PolicyCatalogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NoFolder_HasTheBuiltInDefault()
    {
        using var catalog = new PolicyCatalog(null);

        Assert.Same(PolicyLoader.Default, catalog.Default);
        Assert.Empty(catalog.LastErrors);
    }

    [Fact]
    public void Reload_InvalidFile_KeepsThePreviousPoliciesAndReportsTheError()
    {
        var file = _folder.Write("campaign.yaml", "version: campaign\nextends: default\nminimumSupplierResponseRate: 80");
        using var catalog = new PolicyCatalog(_folder.Path, watch: false);
        Assert.Equal(80, catalog.Get("campaign")!.MinimumSupplierResponseRate);

        File.WriteAllText(file, "version: campaign\nextends: default\nminimumSupplierResponseRate: 60\ncoveredCountries: [Narnia]");
        var errors = catalog.Reload();

        Assert.Equal("coveredCountries[0]", Assert.Single(errors).KeyPath);
        Assert.Equal(80, catalog.Get("campaign")!.MinimumSupplierResponseRate);
        Assert.Same(errors, catalog.LastErrors);

        File.WriteAllText(file, "version: campaign\nextends: default\nminimumSupplierResponseRate: 60");
        Assert.Empty(catalog.Reload());
        Assert.Equal(60, catalog.Get("campaign")!.MinimumSupplierResponseRate);
    }

    [Fact]
    public void Start_InvalidFolder_StillHasTheDefault()
    {
        _folder.Write("bad.yaml", "version: bad\nextends: nowhere");

        using var catalog = new PolicyCatalog(_folder.Path, watch: false);

        Assert.NotNull(catalog.Default);
        Assert.Null(catalog.Get("bad"));
        Assert.Single(catalog.LastErrors);
    }

    [Fact]
    public async Task Watch_FileChanges_ReloadsValidAndRejectsInvalid()
    {
        var file = _folder.Write("campaign.yaml", "version: campaign\nextends: default\nminimumSupplierResponseRate: 80");
        using var catalog = new PolicyCatalog(_folder.Path, watch: true, debounce: TimeSpan.FromMilliseconds(50));

        await ChangeAndWait(catalog, () => File.WriteAllText(file, "version: campaign\nextends: default\nminimumSupplierResponseRate: 70"),
            until: errors => errors.Count == 0 && catalog.Get("campaign")!.MinimumSupplierResponseRate == 70);
        Assert.Equal(70, catalog.Get("campaign")!.MinimumSupplierResponseRate);

        var errors = await ChangeAndWait(catalog, () => File.WriteAllText(file, "version: campaign\nextends: default\nminimumSupplierResponseRate: lots"),
            until: errors => errors.Count > 0);
        Assert.Equal("minimumSupplierResponseRate", Assert.Single(errors).KeyPath);
        Assert.Equal(70, catalog.Get("campaign")!.MinimumSupplierResponseRate);
    }

    /// <summary>Editors and the OS may raise several events per write, so wait for the reload that shows the change.</summary>
    private static async Task<IReadOnlyList<PolicyError>> ChangeAndWait(PolicyCatalog catalog, Action change,
        Func<IReadOnlyList<PolicyError>, bool> until)
    {
        var reloaded = new TaskCompletionSource<IReadOnlyList<PolicyError>>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(IReadOnlyList<PolicyError> errors)
        {
            if (until(errors)) reloaded.TrySetResult(errors);
        }
        catalog.Reloaded += Handler;
        try
        {
            change();
            return await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            catalog.Reloaded -= Handler;
        }
    }
}
