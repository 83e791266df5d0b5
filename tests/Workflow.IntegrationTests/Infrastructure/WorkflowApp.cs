using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// The real service (Kestrel pipeline in-process, Hangfire server, real PostgreSQL) on its own database.
/// Keys: owner-key (ComplianceOwner), manager-key (Manager), auditor-key (Auditor), investigator-key (Investigator),
/// intake-key (GrievanceIntake).
/// </summary>
public sealed class WorkflowApp : WebApplicationFactory<Program>
{
    public const string OwnerKey = "owner-key";
    public const string ManagerKey = "manager-key";
    public const string AuditorKey = "auditor-key";
    public const string InvestigatorKey = "investigator-key";
    public const string IntakeKey = "intake-key";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the service registered its own (e.g. a test configuration of the case machine).</param>
    public WorkflowApp(string? connectionString = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        ConnectionString = connectionString ?? TestCluster.NewDatabase();
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = ConnectionString,
            ["Auth:ApiKeys:0:Name"] = "owner", ["Auth:ApiKeys:0:Key"] = OwnerKey, ["Auth:ApiKeys:0:Roles:0"] = "ComplianceOwner",
            ["Auth:ApiKeys:1:Name"] = "manager", ["Auth:ApiKeys:1:Key"] = ManagerKey, ["Auth:ApiKeys:1:Roles:0"] = "Manager",
            ["Auth:ApiKeys:2:Name"] = "auditor", ["Auth:ApiKeys:2:Key"] = AuditorKey, ["Auth:ApiKeys:2:Roles:0"] = "Auditor",
            ["Auth:ApiKeys:3:Name"] = "investigator", ["Auth:ApiKeys:3:Key"] = InvestigatorKey, ["Auth:ApiKeys:3:Roles:0"] = "Investigator",
            ["Auth:ApiKeys:4:Name"] = "hotline", ["Auth:ApiKeys:4:Key"] = IntakeKey, ["Auth:ApiKeys:4:Roles:0"] = "GrievanceIntake",
            ["Uploads:MaxBytes"] = (4 * 1024 * 1024).ToString(),
            ["Policies:Folder"] = PolicyFolder,
            // Without an SMTP relay mail becomes .eml files: keep them out of the repository's data folder.
            ["Email:EmlDirectory"] = Path.Combine(Path.GetTempPath(), "workflow-tests-eml", Guid.NewGuid().ToString("N")),
            ["SupplierLinks:SigningKey"] = "test-signing-key-of-at-least-32-characters",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public string ConnectionString { get; }
    /// <summary>A private copy of the repository's rules/policy, so tests that upload policies change nothing shared.</summary>
    public string PolicyFolder { get; } = CopyPolicies();

    private static string CopyPolicies()
    {
        var target = Directory.CreateTempSubdirectory("workflow-policies-").FullName;
        var source = Path.Combine(Workflow.Application.Configuration.RepositoryPaths.Root!, "rules", "policy");
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
    /// <summary>Errors the service logged; <see cref="ClientFor"/> quotes them when a request answers 5xx.</summary>
    public ServerErrors Errors { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public HttpClient ClientFor(string? key)
    {
        var client = CreateDefaultClient(new ExplainServerErrors(Errors));
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
