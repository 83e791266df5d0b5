using Npgsql;
using Workflow.Application.Configuration;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Instances;

/// <summary>
/// Two service processes on one database, as behind a load balancer. Each gets its own copy of the policy folder, so
/// whatever one instance knows that the other did not read from disk must have come through PostgreSQL.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private TwoInstances(string connectionString, ServiceProcess a, ServiceProcess b)
    {
        ConnectionString = connectionString;
        A = a;
        B = b;
    }

    public string ConnectionString { get; }
    public ServiceProcess A { get; }
    public ServiceProcess B { get; }

    public static async Task<TwoInstances> StartAsync(string name, IDictionary<string, string?> settings)
    {
        var connectionString = TestCluster.NewDatabase();
        ServiceProcess Create(string instance)
        {
            var own = new Dictionary<string, string?>(settings) { ["Policies:Folder"] = CopyOfPolicyFolder() };
            return new ServiceProcess(connectionString, own, Path.Combine(Path.GetTempPath(), $"{name}-{instance}-{Guid.NewGuid():N}.log"));
        }
        var a = Create("a");
        var b = Create("b");
        var instances = new TwoInstances(connectionString, a, b);
        try
        {
            // A first, so the migrations are done before B starts; B then starts like any instance added later.
            await a.StartAsync();
            await b.StartAsync();
            return instances;
        }
        catch
        {
            instances.Dispose();
            throw;
        }
    }

    private static string CopyOfPolicyFolder()
    {
        var source = Path.Combine(RepositoryPaths.Root ?? throw new InvalidOperationException("Workflow.sln not found"), "rules", "policy");
        var copy = Directory.CreateTempSubdirectory("workflow-policies-").FullName;
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task<string?> TextAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        return await cmd.ExecuteScalarAsync() as string;
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
