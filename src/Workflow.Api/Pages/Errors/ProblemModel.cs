namespace Workflow.Api.Pages.Errors;

/// <summary>A problem shown to a browser as a page: the status, a title, and what the person can do about it.</summary>
public sealed record ProblemModel(int Status, string Title, string Detail);
