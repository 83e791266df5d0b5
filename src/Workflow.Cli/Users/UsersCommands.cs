using Microsoft.Extensions.Configuration;
using Npgsql;
using Workflow.Cli.Database;
using Workflow.Infrastructure.Users;

namespace Workflow.Cli.Users;

/// <summary>
/// <c>workflow users add EMAIL --role ROLE | list | disable EMAIL | enable EMAIL | passwd EMAIL</c>: local users of the pages, in the service's own
/// database (see <see cref="ServiceDatabase"/>). The password is read from standard input so it never appears in
/// the shell history or the process list.
/// </summary>
public static class UsersCommands
{
    private const string Usage = """
        usage: workflow users add EMAIL --role ComplianceOwner|Manager|Auditor   (password from standard input)
               workflow users list
               workflow users disable EMAIL | enable EMAIL
               workflow users passwd EMAIL                                      (new password from standard input; signs out old sessions)
        options: --ConnectionStrings:Postgres=... or --Database:DataDirectory=... (else as the service: env, then data/)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, Console.In, Console.IsInputRedirected, stdout, stderr);

    public static int Run(string[] args, TextReader stdin, bool stdinRedirected, TextWriter stdout, TextWriter stderr)
    {
        var (positional, settings) = Split(args);
        if (positional.Count == 0) return UsageError(stderr, null);
        var role = settings.GetValueOrDefault("role");
        settings.Remove("role");
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .Build();

        try
        {
            switch (positional)
            {
                case ["add", var email]:
                    if (role is null) return UsageError(stderr, "add needs --role");
                    var password = ReadPassword(stdin, stdinRedirected, stderr);
                    if (password is null) return UsageError(stderr, "no password on standard input");
                    using (var db = ServiceDatabase.Open(configuration))
                    {
                        var user = new UserStore(db.DataSource, TimeProvider.System).AddAsync(email, role, password, CancellationToken.None).GetAwaiter().GetResult();
                        stdout.WriteLine($"added {user.Email} ({user.Role})");
                    }
                    return 0;
                case ["list"]:
                    using (var db = ServiceDatabase.Open(configuration))
                    {
                        var users = new UserStore(db.DataSource, TimeProvider.System).ListAsync(CancellationToken.None).GetAwaiter().GetResult();
                        foreach (var u in users)
                            stdout.WriteLine($"{u.Email}\t{u.Role}\t{(u.Disabled ? "disabled" : "active")}\tlast login {u.LastLoginAt?.ToString("u") ?? "never"}");
                        if (users.Count == 0) stderr.WriteLine("no users yet; add one with: workflow users add EMAIL --role ROLE");
                    }
                    return 0;
                case ["disable", var email]:
                    return Change(configuration, email, "disabled", (users, ct) => users.DisableAsync(email, ct), stdout, stderr);
                case ["enable", var email]:
                    return Change(configuration, email, "enabled", (users, ct) => users.EnableAsync(email, ct), stdout, stderr);
                case ["passwd", var email]:
                    var newPassword = ReadPassword(stdin, stdinRedirected, stderr);
                    if (newPassword is null) return UsageError(stderr, "no password on standard input");
                    return Change(configuration, email, "new password set for", (users, ct) => users.SetPasswordAsync(email, newPassword, ct), stdout, stderr);
                default:
                    return UsageError(stderr, null);
            }
        }
        catch (UserAdministrationException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Change(IConfiguration configuration, string email, string done, Func<UserStore, CancellationToken, Task<bool>> change,
        TextWriter stdout, TextWriter stderr)
    {
        using var db = ServiceDatabase.Open(configuration);
        if (!change(new UserStore(db.DataSource, TimeProvider.System), CancellationToken.None).GetAwaiter().GetResult())
        {
            stderr.WriteLine($"no user '{email}'");
            return 1;
        }
        stdout.WriteLine($"{done} {email}");
        return 0;
    }

    private static int UsageError(TextWriter stderr, string? problem)
    {
        if (problem is not null) stderr.WriteLine(problem);
        stderr.WriteLine(Usage);
        return CommandDispatcher.UsageError;
    }

    /// <summary>"--role X", "--role=X" and "--Section:Key=value" become settings; the rest are positional.</summary>
    private static (List<string> Positional, Dictionary<string, string> Settings) Split(string[] args)
    {
        var positional = new List<string>();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            var option = args[i][2..];
            var eq = option.IndexOf('=');
            if (eq > 0) settings[option[..eq]] = option[(eq + 1)..];
            else if (i + 1 < args.Length) settings[option] = args[++i];
        }
        return (positional, settings);
    }

    private static string? ReadPassword(TextReader stdin, bool redirected, TextWriter stderr)
    {
        if (redirected) return stdin.ReadLine()?.TrimEnd('\r');
        stderr.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        stderr.WriteLine();
        return password.ToString();
    }
}
