using System.Globalization;

namespace Workflow.Application.Campaigns;

/// <summary>
/// Which suppliers a launch surveys now (the seed: requests "prioritized based on quantities used in production"):
/// by spend or delivery quantity, the next <see cref="Top"/> not yet surveyed, or those among the suppliers covering
/// the first <see cref="TopPercent"/> % of the campaign's total; by priority (1 first), up to <see cref="MaxPriority"/>,
/// the next <see cref="Top"/>, or else the next priority level. <see cref="At"/> schedules the wave instead.
/// </summary>
public sealed record LaunchWave(string By, int? Top = null, decimal? TopPercent = null, int? MaxPriority = null, DateTimeOffset? At = null)
{
    public const string Spend = "spend";
    public const string Quantity = "quantity";
    public const string Priority = "priority";
    public static readonly string[] Orders = [Spend, Quantity, Priority];

    public string Describe() => By switch
    {
        Priority when MaxPriority is { } max => $"wave by priority, up to {max}",
        _ when Top is { } n => $"wave of the next {n} by {By}",
        _ when TopPercent is { } p => $"wave covering the top {p.ToString(CultureInfo.InvariantCulture)} % of {By}",
        Priority => "wave of the next priority level",
        _ => $"wave by {By}",
    };

    /// <summary>What is wrong with the request, or null.</summary>
    public string? Problem() =>
        !Orders.Contains(By) ? $"'{By}' is not a wave order; use spend, quantity or priority."
        : Top is < 1 ? "top is 1 or more."
        : TopPercent is <= 0 or > 100 ? "topPercent is more than 0 and at most 100."
        : TopPercent is not null && By == Priority ? "topPercent ranks by spend or quantity, not priority."
        : MaxPriority is not null && By != Priority ? "maxPriority goes with by: priority."
        : Top is not null && TopPercent is not null ? "Give top or topPercent, not both."
        : null;
}

/// <summary>A supplier that may be launched, with what waves rank by.</summary>
public sealed record LaunchCandidate(Guid SupplierId, string Name, decimal? Spend, decimal? Quantity, int? Priority, bool Surveyed);

/// <summary>A campaign made from an earlier one: how many suppliers came over and how many were left out.</summary>
public sealed record CarryOver(Guid CampaignId, int SuppliersCopied, int SuppliersLeftOut);

public static class LaunchWaves
{
    /// <summary>The not yet surveyed suppliers the wave launches, in launch order.</summary>
    public static IEnumerable<LaunchCandidate> Select(IReadOnlyList<LaunchCandidate> eligible, LaunchWave? wave)
    {
        if (wave is null) return eligible.Where(c => !c.Surveyed);
        if (wave.By == LaunchWave.Priority)
        {
            var ranked = eligible.OrderBy(c => c.Priority ?? int.MaxValue).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var open = ranked.Where(c => !c.Surveyed);
            if (wave.MaxPriority is { } max) return open.Where(c => c.Priority <= max);
            if (wave.Top is { } top) return open.Take(top);
            var next = open.FirstOrDefault()?.Priority;
            return open.Where(c => c.Priority == next);
        }
        Func<LaunchCandidate, decimal?> measure = wave.By == LaunchWave.Spend ? c => c.Spend : c => c.Quantity;
        var byMeasure = eligible.OrderByDescending(c => measure(c) ?? -1).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (wave.Top is { } n) return byMeasure.Where(c => !c.Surveyed).Take(n);
        if (wave.TopPercent is { } percent)
        {
            // Ranked over every eligible supplier, surveyed or not, so "top 80 %" then "top 95 %" are two waves.
            var total = byMeasure.Sum(c => measure(c) ?? 0);
            var chosen = new List<LaunchCandidate>();
            decimal before = 0;
            foreach (var c in byMeasure)
            {
                if (total <= 0 || before >= total * percent / 100m) break;
                if (!c.Surveyed) chosen.Add(c);
                before += measure(c) ?? 0;
            }
            return chosen;
        }
        return byMeasure.Where(c => !c.Surveyed);
    }
}
