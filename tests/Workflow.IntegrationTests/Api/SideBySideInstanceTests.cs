using Hangfire;
using Workflow.Api.FollowUp;
using Workflow.Infrastructure.Jobs;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Api;

/// <summary>
/// Hangfire keeps process-wide defaults (storage, job activator, log provider). Two service instances in one process
/// (tests do this all the time; a host embedding the service could too) must not end up using each other's.
/// </summary>
public class SideBySideInstanceTests
{
    [Fact]
    public async Task AnInstanceStartedAndStoppedBesideAnother_LeavesTheOtherWorking()
    {
        using var survivor = new WorkflowApp();
        var owner = survivor.ClientFor(WorkflowApp.OwnerKey);
        await owner.GetAsync("/healthz");

        using (var passing = new WorkflowApp())
        {
            (await passing.CreateClient().GetAsync("/healthz")).EnsureSuccessStatusCode();
        }

        // Hangfire asks its process-wide log provider for a logger whenever it builds a job client or factory; that
        // provider was last set by the stopped host, whose logger factory now throws ObjectDisposedException.
        var created = Record.Exception(() => new BackgroundJobClient(survivor.Service<JobStorage>()));
        Assert.Null(created);
        var cases = await survivor.LaunchAsync(2, "survivor");
        Assert.Equal(2, cases.Length);
    }

    [Fact]
    public async Task InstancesStartingTogether_EachScheduleIntoTheirOwnDatabase_AndRunJobsWithTheirOwnServices()
    {
        var apps = Enumerable.Range(0, 4).Select(_ => new WorkflowApp()).ToArray();
        try
        {
            // Started together, as parallel test classes do: Hangfire's process-wide defaults are written and read back
            // by each host in turn, which is where one host used to pick up another's storage.
            await Task.WhenAll(apps.Select(app => Task.Run(() => app.CreateClient().GetAsync("/healthz"))));

            foreach (var app in apps)
            {
                Assert.Contains(Database(app.ConnectionString), app.Service<JobStorage>().ToString());
                var before = await app.ScalarAsync("select count(*) from hangfire.job");
                app.Service<IBackgroundJobClient>().Schedule<FollowUpSweepJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromDays(1));
                Assert.Equal(before + 1, await app.ScalarAsync("select count(*) from hangfire.job"));
                // Jobs are activated from this host's own container (its database, clock and options).
                using var scope = app.Service<JobActivator>().BeginScope((JobActivatorContext)null!);
                Assert.Same(app.Service<Npgsql.NpgsqlDataSource>(), scope.Resolve(typeof(Npgsql.NpgsqlDataSource)));
            }
            Assert.Equal(apps.Length, apps.Select(a => a.Service<JobStorage>()).Distinct().Count());
        }
        finally
        {
            foreach (var app in apps) app.Dispose();
        }
    }

    private static string Database(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
}
