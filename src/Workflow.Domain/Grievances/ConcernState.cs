namespace Workflow.Domain.Grievances;

/// <summary>Where a concern stands. Stored by its wire name (<see cref="ConcernStates"/>): do not rename.</summary>
public enum ConcernState
{
    Received,
    UnderReview,
    Investigating,
    Resolved,
    Dismissed,
}

public static class ConcernStates
{
    public static readonly IReadOnlyList<ConcernState> All = Enum.GetValues<ConcernState>();

    public static string ToWire(this ConcernState state) => state switch
    {
        ConcernState.Received => "received",
        ConcernState.UnderReview => "under-review",
        ConcernState.Investigating => "investigating",
        ConcernState.Resolved => "resolved",
        ConcernState.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static bool TryParse(string? wire, out ConcernState state)
    {
        foreach (var s in All)
            if (string.Equals(s.ToWire(), wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = s;
                return true;
            }
        state = default;
        return false;
    }

    public static ConcernState FromWire(string wire) =>
        TryParse(wire, out var s) ? s : throw new ArgumentException($"Unknown concern state '{wire}'.", nameof(wire));

    /// <summary>Resolved and dismissed concerns are closed: no timer runs, the outcome is reported.</summary>
    public static bool IsClosed(this ConcernState state) => state is ConcernState.Resolved or ConcernState.Dismissed;

    /// <summary>For people: "Under review".</summary>
    public static string Words(this ConcernState state) => state switch
    {
        ConcernState.Received => "Received",
        ConcernState.UnderReview => "Under review",
        ConcernState.Investigating => "Investigating",
        ConcernState.Resolved => "Resolved",
        ConcernState.Dismissed => "Dismissed",
        _ => state.ToString(),
    };
}
