using Workflow.Application.Reports;

namespace Workflow.Application.SupplierLinks;

/// <summary>
/// How long the upload link in a supplier e-mail works: until the response due date (or the date management extended
/// the case to) plus the grace days, so a link never dies before the date the same e-mail asks for. An operator may
/// still fix a lifetime from sending ("SupplierLinks:Lifetime"); then that applies instead.
/// </summary>
public static class SupplierLinkExpiry
{
    /// <returns>The instant the link stops working: the end (UTC) of its last valid day.</returns>
    public static DateTimeOffset Of(DateOnly responseDue, DateTimeOffset? extendedTo, int graceDays, TimeSpan? lifetime, DateTimeOffset now)
    {
        if (lifetime is { } fixedLifetime && fixedLifetime > TimeSpan.Zero) return now + fixedLifetime;
        var deadline = extendedTo is { } e && DateOnly.FromDateTime(e.UtcDateTime) > responseDue ? DateOnly.FromDateTime(e.UtcDateTime) : responseDue;
        var lastDay = deadline.AddDays(graceDays);
        // A message sent when that day has already passed (a correction request long after the due date) would carry
        // a dead link: it gets the grace days from sending instead.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (lastDay < today) lastDay = today.AddDays(graceDays);
        return UtcDay.End(lastDay);
    }

    /// <summary>The last day the link works, as an e-mail states it.</summary>
    public static DateOnly LastDay(DateTimeOffset expiresAt) => DateOnly.FromDateTime(expiresAt.AddSeconds(-1).UtcDateTime);
}
