using System.Security.Cryptography;
using Workflow.Application.SupplierLinks;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Instances;

/// <summary>
/// Several instances behind a load balancer on one database: without a configured key, a supplier link signed by one
/// instance must open on every other, and a key an older single instance generated into its data folder is kept.
/// </summary>
public class SharedSigningKeyTests
{
    private static Dictionary<string, string?> NoConfiguredKey(string dataDirectory) => new()
    {
        ["SupplierLinks:SigningKey"] = "",
        ["Database:DataDirectory"] = dataDirectory,
    };

    [Fact]
    public async Task TwoInstancesWithoutAConfiguredKey_LinkSignedByOneOpensOnTheOther()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-keys-").FullName;
        using var first = new WorkflowApp(settings: NoConfiguredKey(Path.Combine(folder, "a")));
        using var second = new WorkflowApp(first.ConnectionString, NoConfiguredKey(Path.Combine(folder, "b")));
        var c = (await first.LaunchAsync(1, "shared-key"))[0];

        var token = first.Service<SupplierLinkSigner>().Create(c);
        var check = second.Service<SupplierLinkSigner>().Verify(token);

        Assert.Equal(LinkStatus.Valid, check.Status);
        Assert.Equal(c, check.CaseId);
        // Neither instance wrote a key of its own into its data folder.
        Assert.False(File.Exists(Path.Combine(folder, "a", SharedSigningKey.Name)));
        Assert.False(File.Exists(Path.Combine(folder, "b", SharedSigningKey.Name)));
    }

    [Fact]
    public async Task KeyAnOlderSingleInstanceGeneratedIntoItsDataFolder_BecomesTheSharedKey()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-keys-").FullName;
        var legacy = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllTextAsync(Path.Combine(folder, SharedSigningKey.Name), Convert.ToBase64String(legacy));
        using var upgraded = new WorkflowApp(settings: NoConfiguredKey(folder));
        using var added = new WorkflowApp(upgraded.ConnectionString, NoConfiguredKey(Directory.CreateTempSubdirectory("workflow-keys-").FullName));
        var c = (await upgraded.LaunchAsync(1, "legacy-key"))[0];
        // A link in a supplier's mailbox, signed before the upgrade with the folder's key.
        var sentBefore = new SupplierLinkSigner(legacy, TimeSpan.FromDays(60), upgraded.Clock).Create(c);

        Assert.Equal(LinkStatus.Valid, upgraded.Service<SupplierLinkSigner>().Verify(sentBefore).Status);
        Assert.Equal(LinkStatus.Valid, added.Service<SupplierLinkSigner>().Verify(sentBefore).Status);
    }
}
