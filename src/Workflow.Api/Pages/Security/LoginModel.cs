namespace Workflow.Api.Pages.Security;

/// <summary>The sign-in form: where to go afterwards, what was typed, and why the last attempt failed.</summary>
public sealed record LoginModel(string? ReturnUrl, string? Email, string? Error);
