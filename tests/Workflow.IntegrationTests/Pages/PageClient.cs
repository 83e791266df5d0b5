using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Infrastructure.Users;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Pages;

/// <summary>A browser-like client: keeps cookies, asks for HTML, does not follow redirects, and fills anti-forgery fields.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public const string Password = "page-test-password";

    public HttpClient Http => http;

    public static PageClient Anonymous(WorkflowApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return new PageClient(client);
    }

    public static async Task<PageClient> SignedInAsync(WorkflowApp app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await app.Service<UserStore>().AddAsync(email, role, Password, CancellationToken.None);
        var client = Anonymous(app);
        var response = await client.PostFormAsync("/login", "/login", new() { ["email"] = email, ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<string> GetHtmlAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
        return body;
    }

    /// <summary>Loads <paramref name="formPage"/> for its anti-forgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var html = await GetHtmlAsync(formPage);
        var token = Token().Match(html).Groups[1].Value;
        var all = fields.Select(kv => kv).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))).Concat(extra ?? []);
        return await http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
