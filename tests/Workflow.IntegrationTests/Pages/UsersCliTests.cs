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
    public async Task UsersPasswd_EndsSessionsSignedInWithTheOldPassword_AndEnableUndoesDisable()
    {
        using var app = new WorkflowApp();
        _ = app.Services;
        var database = $"--ConnectionStrings:Postgres={app.ConnectionString}";
        Assert.Equal(0, Run(["add", "reset@example.com", "--role", "Auditor", database], "first-password-1\n").Code);
        var session = PageClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/login", "/login",
            new() { ["email"] = "reset@example.com", ["password"] = "first-password-1" })).StatusCode);
        await session.GetHtmlAsync("/escalations");

        Assert.Equal(1, Run(["passwd", "reset@example.com", database], "short\n").Code);
        await session.GetHtmlAsync("/escalations"); // a refused change leaves the session alone
        var (code, output, errors) = Run(["passwd", "reset@example.com", database], "second-password-2\n");
        Assert.True(code == 0, errors);
        Assert.Contains("new password set for reset@example.com", output);

        // The cookie from the old password no longer opens pages; the new password does, the old one doesn't.
        var after = await session.Http.GetAsync("/escalations");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        var client = PageClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostFormAsync("/login", "/login",
            new() { ["email"] = "reset@example.com", ["password"] = "first-password-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/login", "/login",
            new() { ["email"] = "reset@example.com", ["password"] = "second-password-2" })).StatusCode);

        Assert.Equal(0, Run(["disable", "reset@example.com", database], "").Code);
        Assert.Equal(0, Run(["enable", "reset@example.com", database], "").Code);
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.Anonymous(app).PostFormAsync("/login", "/login",
            new() { ["email"] = "reset@example.com", ["password"] = "second-password-2" })).StatusCode);
        Assert.Equal(1, Run(["passwd", "nobody@example.com", database], "some-password-3\n").Code);
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
