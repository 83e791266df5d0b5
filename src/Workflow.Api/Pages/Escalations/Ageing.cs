namespace Workflow.Api.Pages.Escalations;

/// <summary>How far an escalation is into its decision window; shown as colour and as words (colour alone is not enough).</summary>
public sealed record Ageing(string CssClass, string Label, DateTimeOffset Deadline)
{
    public static Ageing Of(DateTimeOffset escalatedAt, DateTimeOffset? dueAt, DateTimeOffset now, int windowDays)
    {
        var deadline = dueAt ?? escalatedAt.AddDays(windowDays);
        var window = (deadline - escalatedAt).TotalSeconds;
        var used = window <= 0 ? 1 : (now - escalatedAt).TotalSeconds / window;
        return used switch
        {
            >= 1 => new Ageing("age-overdue", "overdue", deadline),
            >= 0.5 => new Ageing("age-soon", "due soon", deadline),
            _ => new Ageing("age-ok", "on time", deadline),
        };
    }
}
