using System.Globalization;

namespace Workflow.Rules.Step3Respond;

/// <summary>How the timing rules write instants in a "because": a date, with the time when it is not midnight UTC.</summary>
internal static class TimingWords
{
    public static string Date(DateTimeOffset? at) => at is not { } a ? "(unknown)"
        : a.UtcDateTime.TimeOfDay == TimeSpan.Zero ? a.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : a.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
