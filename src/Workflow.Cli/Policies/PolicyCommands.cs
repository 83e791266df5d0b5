using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Workflow.Cli.Database;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;
using Workflow.Application.Policies;
using Workflow.Application.Reference;
using Workflow.Rules.Assessment;
using Workflow.Rules.Policies;
using Workflow.Rules.Simulation;

namespace Workflow.Cli.Policies;

/// <summary>
/// <c>workflow policy validate FILE</c> and <c>workflow policy simulate CAMPAIGN-ID (--draft FILE | --version V) [--json]</c>:
/// the same validation and simulation as the API, against the service's database.
/// </summary>
public static class PolicyCommands
{
    private const string Usage = """
        usage: workflow policy validate FILE
               workflow policy simulate CAMPAIGN-ID (--draft FILE | --version VERSION) [--json]
        options: --ConnectionStrings:Postgres=... --Policies:Folder=... (else as the service)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a)).ToList();
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray()).Build();
        var folder = RepositoryPaths.Resolve(configuration["Policies:Folder"] ?? new PolicyOptions().Folder);

        try
        {
            switch (positional)
            {
                case ["validate", var file]:
                    var policy = PolicyLoader.LoadFile(file, Directory.Exists(folder) ? PolicyLoader.LoadFolder(folder).Values : null);
                    stdout.WriteLine($"{file}: valid policy '{policy.Version}'" + (policy.Extends is { } p ? $" (extends {p})" : ""));
                    return 0;
                case ["simulate", var campaign] when Guid.TryParse(campaign, out var campaignId) && (Option("--draft") is not null ^ Option("--version") is not null):
                    return Simulate(campaignId, Option("--draft"), Option("--version"), args.Contains("--json"), folder, configuration, stdout, stderr);
                default:
                    stderr.Write(Usage);
                    return CommandDispatcher.UsageError;
            }
        }
        catch (PolicyValidationException e)
        {
            stderr.WriteLine("invalid policy:");
            foreach (var problem in e.Errors) stderr.WriteLine($"  {problem}");
            return CommandDispatcher.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PolicyNotActiveException or global::Workflow.Application.Cases.NotFoundException)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Simulate(Guid campaignId, string? draftFile, string? version, bool json, string folder,
        IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        using var catalog = new PolicyCatalog(Directory.Exists(folder) ? folder : null, watch: false);
        var draft = draftFile is not null
            ? PolicyLoader.LoadFile(draftFile, catalog.Active.Values)
            : catalog.Get(version!) ?? throw new PolicyNotActiveException($"Policy version '{version}' is not active.");
        using var database = ServiceDatabase.Open(configuration);
        var references = new ReferenceListStore(database.DataSource, TimeProvider.System);
        var report = new PolicySimulations(database.DataSource, catalog, PolicyRuleSet.Compile(), references, TimeProvider.System)
            .SimulateAsync(campaignId, draft, CancellationToken.None).GetAwaiter().GetResult();

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } }));
            return 0;
        }
        Write(report, stdout);
        return 0;
    }

    private static void Write(SimulationReport report, TextWriter stdout)
    {
        stdout.WriteLine($"{report.DraftPolicyVersion} vs {report.ActivePolicyVersion} (reference list {report.ReferenceListVersion}, as of {report.AsOf:yyyy-MM-dd})");
        stdout.WriteLine($"{report.CasesEvaluated} current submissions evaluated; {report.Changes.Count} would change");
        foreach (var change in report.Changes)
        {
            stdout.WriteLine($"  case {change.CaseId}:");
            foreach (var reason in change.Reasons) stdout.WriteLine($"    {reason}");
        }
    }

    private static bool IsOptionValue(string[] args, string arg)
    {
        var i = Array.IndexOf(args, arg);
        return i > 0 && args[i - 1] is "--draft" or "--version";
    }
}
