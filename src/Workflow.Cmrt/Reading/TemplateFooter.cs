namespace Workflow.Cmrt.Reading;

/// <summary>The copyright line under the data area ("© 2025 Responsible Minerals Initiative…") ends a list.</summary>
internal static class TemplateFooter
{
    public static bool Is(string? text) => text is not null && (text.StartsWith('©') || text.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase));
}
