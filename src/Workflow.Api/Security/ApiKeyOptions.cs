namespace Workflow.Api.Security;

/// <summary>One configured API key: <c>Auth:ApiKeys:N:{Name,Key,Roles}</c>.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
