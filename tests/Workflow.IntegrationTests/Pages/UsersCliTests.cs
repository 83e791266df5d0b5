extern alias cli;
using System.Net;
using Workflow.IntegrationTests.Infrastructure;
using UsersCommands = cli::Workflow.Cli.Users.UsersCommands;

namespace Workflow.IntegrationTests.Pages;

public class UsersCliTests
{
    [Fact]
    public async Task UsersAdd_WritesToTheServiceDatabase_AndTheUserCanSignIn()
    {
        using var app = new WorkflowApp();
        _ = app.Services; // the service has migrated its database
        var database = $"--ConnectionStrings:Postgres={app.ConnectionString}";

        var (code, output, errors) = Run(["add", "cli-user@example.com", "--role", "Manager", database], "cli-password-1\n");
        Assert.True(code == 0, errors);
        Assert.Contains("added cli-user@example.com (Manager)", output);

        var client = PageClient.Anonymous(app);
        var signIn = await client.PostFormAsync("/login", "/login", new() { ["email"] = "cli-user@example.com", ["password"] = "cli-password-1" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.Contains("cli-user@example.com\tManager\tactive", Run(["list", database], "").Output);
        Assert.Equal(1, Run(["add", "cli-user@example.com", "--role", "Manager", database], "cli-password-1\n").Code);
        Assert.Equal(1, Run(["add", "weak@example.com", "--role", "Manager", database], "short\n").Code);
        Assert.Equal(1, Run(["add", "who@example.com", "--role", "Janitor", database], "long-enough-password\n").Code);
        Assert.Equal(0, Run(["disable", "cli-user@example.com", database], "").Code);
        var refused = await client.PostFormAsync("/login", "/login", new() { ["email"] = "cli-user@example.com", ["password"] = "cli-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public void UsersAdd_WithoutRole_IsAUsageError() =>
        Assert.Equal(2, Run(["add", "x@example.com"], "password-123\n").Code);

    private static (int Code, string Output, string Errors) Run(string[] args, string stdin)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = UsersCommands.Run(args, new StringReader(stdin), stdinRedirected: true, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
