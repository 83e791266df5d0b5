using System.Globalization;

namespace Workflow.Api.Pages.Layout;

/// <summary>How the pages write dates: UTC, ISO order, the same for every reader.</summary>
public static class Format
{
    public static string Date(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Url(string? value) => Uri.EscapeDataString(value ?? "");
}
