using System.Globalization;

namespace Workflow.Application.Reports;

/// <summary>
/// The grievance mechanism in the words of the seed report's "Grievance Mechanism" section (step 1 of the OECD
/// framework), with this service's channels and the reporting period's figures; the report page and the draft say the same.
/// </summary>
public static class GrievanceMechanismText
{
    public const string Heading = "Grievance mechanism";

    public const string Description =
        "We maintain a grievance mechanism through which anyone, inside or outside the company, can raise a concern about the sourcing of " +
        "the 3TG in our supply chain, named or anonymously: through a public web form, by e-mail, through the hotline, by letter or in person. " +
        "Every concern is recorded with its own reference, and the officers responsible are notified of it at once. Upon notification we " +
        "evaluate the best method of investigation, evaluation and, if required, resolution; a concern nobody acts on is escalated to the " +
        "officers again. A quarterly report of all activity is provided to the officers and further disclosed to and, if required, reviewed " +
        "by the Audit Committee during its quarterly meetings.";

    /// <summary>"In the reporting period from January 1, 2026 to December 31, 2026, 4 concerns were received…"</summary>
    public static string Activity(GrievanceMechanismFigures g, DateOnly periodStart, DateOnly periodEnd, DateOnly? asOf)
    {
        var inv = CultureInfo.InvariantCulture;
        string Day(DateOnly d) => d.ToString("MMMM d, yyyy", inv);
        string Concerns(int n) => n == 1 ? "1 concern was" : $"{n} concerns were";
        var standing = asOf is { } day ? $" as of {Day(day)}" : "";
        return $"In the reporting period from {Day(periodStart)} to {Day(periodEnd)}, {Concerns(g.ConcernsReceived)} received through the grievance " +
               $"mechanism; {g.Resolved} resolved, {g.Dismissed} dismissed and {g.Open} still open{standing}. " +
               (g.SubstantiatedSmelters == 1 ? "1 smelter or refiner was" : $"{g.SubstantiatedSmelters} smelters or refiners were") +
               " the subject of a substantiated concern.";
    }
}
