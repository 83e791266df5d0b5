// The escalation queue at scale: seeds N escalated cases set-based into a throwaway database, signs in a manager through
// the login form, and times GET /escalations pages (Server-Timing = server time; wall = in-process client round trip).
// Usage: dotnet run -c Release --project tests/bench/Workflow.Pages.Benchmarks -- [cases=100000] [repeats=15]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Workflow.Domain.Security;
using Workflow.Application.Campaigns;
using Workflow.Infrastructure.Users;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.Pages.Benchmarks;

public static class EscalationQueueBenchmark
{
    public static async Task Main(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        const int pageSize = 50;

        // Outside a test host WebApplicationFactory cannot find the service's folder by itself; tell it.
        var contentRoot = Workflow.Application.Configuration.RepositoryPaths.Resolve("src/Workflow.Api");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WORKFLOW_API", contentRoot);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_Workflow_Api", contentRoot);
        using var app = new WorkflowApp(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _ = app.Services; // starts the host: migrations run
        var seed = Stopwatch.StartNew();
        await SeedAsync(app.ConnectionString, cases, app.Clock.GetUtcNow());
        Console.WriteLine($"seeded {cases:N0} escalated cases in {seed.Elapsed.TotalSeconds:0.0} s");

        await app.Service<UserStore>().AddAsync("bench-manager@example.com", Roles.Manager, "bench-password-1", CancellationToken.None);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var login = await client.GetStringAsync("/login");
        var token = WebUtility.HtmlDecode(Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = "bench-manager@example.com", ["password"] = "bench-password-1",
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in failed: {signIn.StatusCode}");

        var campaign = (await app.Service<CampaignStore>().ListAsync(CancellationToken.None)).First().Id;
        var lastPage = (cases + pageSize - 1) / pageSize;
        var perCampaignLast = (cases / 10 + pageSize - 1) / pageSize;
        var scenarios = new (string Name, string Path)[]
        {
            ("first page", "/escalations"),
            ("middle page", $"/escalations?page={lastPage / 2}"),
            ("last page", $"/escalations?page={lastPage}"),
            ("campaign, first page", $"/escalations?campaign={campaign}"),
            ("campaign, last page", $"/escalations?campaign={campaign}&page={perCampaignLast}"),
            ("reason contains", "/escalations?reason=overdue"),
            ("age >= 90 days", "/escalations?age=90"),
            ("all filters, page 3", $"/escalations?campaign={campaign}&reason=red+flag&age=30&page=3"),
        };

        Console.WriteLine();
        Console.WriteLine($"| GET /escalations ({cases:N0} escalated cases, {pageSize}/page) | server median ms | server p95 ms | server max ms | wall median ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, path) in scenarios)
        {
            var server = new List<double>();
            var wall = new List<double>();
            for (var i = 0; i < repeats + 2; i++)
            {
                var sw = Stopwatch.StartNew();
                var response = await client.GetAsync(path);
                await response.Content.ReadAsStringAsync();
                sw.Stop();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {response.StatusCode}");
                if (i < 2) continue; // warm-up: JIT and plan caches
                var timing = response.Headers.GetValues("Server-Timing").Single();
                server.Add(double.Parse(Regex.Match(timing, @"dur=([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture));
                wall.Add(sw.Elapsed.TotalMilliseconds);
            }
            server.Sort();
            wall.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {server[server.Count / 2]:0.0} | {server[(int)Math.Ceiling(server.Count * 0.95) - 1]:0.0} | {server[^1]:0.0} | {wall[wall.Count / 2]:0.0} |"));
        }
    }

    private static async Task SeedAsync(string connectionString, int count, DateTimeOffset now)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            insert into workflow.campaigns (id, name, period_start, period_end, response_due_date, launched_at, created_at, created_by)
            select gen_random_uuid(), 'Bench campaign ' || lpad(g::text, 2, '0'), '2026-01-01', '2026-12-31', '2027-03-31', @now, @now, 'bench'
              from generate_series(1, 10) g;
            insert into workflow.suppliers (id, name, email, country, created_at, updated_at)
            select gen_random_uuid(), 'Bench supplier ' || g, 'bench' || g || '@example.com', 'Germany', @now, @now
              from generate_series(1, @count) g;
            with s as (select id, row_number() over (order by email) as n from workflow.suppliers where email like 'bench%'),
                 k as (select id, row_number() over (order by name) - 1 as n from workflow.campaigns where name like 'Bench campaign%')
            insert into workflow.cases (id, campaign_id, supplier_id, state, stage, version, escalated_at, escalation_reason, due_at, created_at, updated_at)
            select gen_random_uuid(), k.id, s.id, 'Escalated', 'EscalationOpen', 3,
                   @now - make_interval(secs => (random() * 120 * 86400)::int),
                   (array['red flag: covered-country sourcing declared', 'no response after the second request', 'correction overdue',
                          'red flag: smelter on the concern list', 'red flag: CAHRA sourcing declared'])[1 + (s.n % 5)::int],
                   case when s.n % 3 = 0 then null else @now + make_interval(days => (s.n % 40)::int - 10) end,
                   @now, @now
              from s join k on k.n = s.n % 10;
            analyze workflow.cases; analyze workflow.suppliers; analyze workflow.campaigns;
            """, conn);
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("count", count);
        await cmd.ExecuteNonQueryAsync();
    }
}
