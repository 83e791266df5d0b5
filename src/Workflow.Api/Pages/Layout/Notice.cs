namespace Workflow.Api.Pages.Layout;

/// <summary>
/// What a page says about the action just taken, above its content: a status line, or an error with the details
/// (one line each). <paramref name="Emphasis"/> and <paramref name="Tail"/> continue the text, the first in bold.
/// </summary>
public sealed record Notice(string Text, bool IsError = false, IReadOnlyList<string>? Details = null, string? DetailsId = null,
    string? Emphasis = null, string? Tail = null)
{
    public static Notice Info(string text) => new(text);
    public static Notice Info(string text, IReadOnlyList<string> details) => new(text, false, details.Count > 0 ? details : null);

    public static Notice Error(string text, IReadOnlyList<string>? details = null, string? detailsId = null) => new(text, true, details, detailsId);
}
