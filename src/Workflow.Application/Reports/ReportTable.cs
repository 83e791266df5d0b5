using System.Globalization;

namespace Workflow.Application.Reports;

/// <summary>
/// The report flattened to (section, figure, value) lines: one shape for the CSV, the XLSX and the page, so the
/// three cannot disagree.
/// </summary>
public static class ReportTable
{
    public static readonly string[] Header = ["Section", "Figure", "Value"];

    public static IReadOnlyList<(string Section, string Figure, object Value)> Lines(CampaignReport r)
    {
        var lines = new List<(string, string, object)>
        {
            ("Campaign", "Name", r.CampaignName),
            ("Campaign", "Reporting period", $"{r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd}"),
            ("Campaign", "Response due date", r.ResponseDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Campaign", "Generated at", r.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Campaign", "Effort through", r.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "live (everything so far)"),
            ("Responses", "Suppliers surveyed", r.Responses.Surveyed),
            ("Responses", "Suppliers responded", r.Responses.Responded),
            ("Responses", "Response rate (%)", r.Responses.ResponseRatePercent),
            ("Responses", "Responded by the due date", r.Responses.RespondedByDueDate),
            ("Responses", "Response rate by the due date (%)", r.Responses.ResponseRateByDueDatePercent),
            ("Responses", "Not responded", r.Responses.NotResponded),
            ("Validity", "Valid (latest submission)", r.Validity.Valid),
            ("Validity", "Invalid (latest submission)", r.Validity.Invalid),
            ("Validity", "Still invalid after correction request", r.Validity.StillInvalidAfterCorrectionRequest),
            ("Validity", "Corrected", r.Validity.Corrected),
            ("Validity", "Submissions received", r.Validity.SubmissionsReceived),
            ("Determinations", "No 3TG", r.Determinations.NoConflictMinerals),
            ("Determinations", "3TG not from covered countries", r.Determinations.NotFromCoveredCountries),
            ("Determinations", "Recycled or scrap", r.Determinations.RecycledOrScrap),
            ("Determinations", "From covered countries through conformant smelters", r.Determinations.CoveredCountriesConformant),
            ("Determinations", "Undetermined (contains 3TG, origin unknown)", r.Determinations.Undetermined),
            ("Determinations", "No valid response", r.Determinations.NoValidResponse),
            ("Smelters", "Identified (distinct)", r.Smelters.Identified),
            ("Smelters", "On the reference list", r.Smelters.OnReferenceList),
            ("Smelters", "Conformant", r.Smelters.Conformant),
            ("Smelters", "Active (undergoing audit)", r.Smelters.Active),
            ("Smelters", "Not audited", r.Smelters.NotAudited),
            ("Smelters", "Unknown or not listed", r.Smelters.UnknownOrNotListed),
            ("Smelters", "Rows \"not yet identified\"", r.Smelters.NotYetIdentifiedRows),
            ("Smelters", "Red-flag smelters", r.RedFlagSmelters.Count),
            ("Scope", "Company-level CMRTs", r.Scopes.Company),
            ("Scope", "Product-level CMRTs", r.Scopes.Product),
            ("Scope", "User-defined CMRTs", r.Scopes.UserDefined),
            ("Scope", "Other or missing scope", r.Scopes.Other),
            ("Scope", "Most CMRTs company-level", r.Scopes.MostCompanyLevel ? "yes" : "no"),
            ("Program strength", "Strong", r.ProgramStrength.Strong),
            ("Program strength", "Weak", r.ProgramStrength.Weak),
            ("Program strength", "Not applicable", r.ProgramStrength.NotApplicable),
            ("Follow-up", "Ever escalated", r.FollowUp.EverEscalated),
            ("Follow-up", "Escalated now", r.FollowUp.CurrentlyEscalated),
            ("Follow-up", "Extensions granted", r.FollowUp.ExtensionsGranted),
            ("Follow-up", "Risks accepted", r.FollowUp.RiskAccepted),
            ("Follow-up", "Terminations recommended", r.FollowUp.TerminationsRecommended),
            ("Follow-up", "Terminations approved", r.FollowUp.TerminationsApproved),
            ("Follow-up", "Product-level CMRTs requested", r.FollowUp.ProductLevelCmrtsRequested),
            ("Follow-up", "Product-level CMRTs counted from", r.FollowUp.ProductLevelBasis),
        };
        lines.AddRange(r.CasesByState.Select(p => ("Cases by state", p.Key, (object)p.Value)));
        lines.Add(("Versions", "Policy versions", string.Join(", ", r.PolicyVersions)));
        lines.Add(("Versions", "Reference-list versions", string.Join(", ", r.ReferenceListVersions)));
        if (r.SpendCoverage is { } spend)
        {
            lines.Add(("Spend coverage", "In-scope spend", spend.TotalSpend));
            lines.Add(("Spend coverage", "In-scope spend with a valid CMRT", spend.CoveredSpend));
            lines.Add(("Spend coverage", "Coverage (%)", (object?)spend.Percent ?? "no spend recorded"));
        }
        if (r.YearOverYear is { } y)
        {
            lines.Add(("Year over year", "Previous campaign", y.PreviousCampaignName ?? "none"));
            if (y.PreviousCampaignId is not null)
            {
                lines.Add(("Year over year", "Response rate last year (%)", (object?)y.ResponseRatePercent.LastYear ?? "—"));
                lines.Add(("Year over year", "Spend coverage last year (%)", (object?)y.SpendCoverage.LastYear?.Percent ?? "no spend recorded"));
                lines.Add(("Year over year", "Smelters new this year", y.NewSmelters.Count));
                lines.Add(("Year over year", "Smelters no longer named", y.DroppedSmelters.Count));
                lines.Add(("Year over year", "Red-flag smelters new this year", y.NewRedFlagSmelters.Count));
                lines.Add(("Year over year", "Suppliers newly red-flagged", string.Join(", ", y.SuppliersNewlyRedFlagged)));
            }
        }
        // Only when products are recorded, so a campaign without a bill of materials exports what it always did.
        if (r.Products is { Products.Count: > 0 } products)
            lines.AddRange(products.ByDetermination.Select(p => ("Products", $"Products: {p.Key}", (object)p.Value)));
        if (r.GrievanceMechanism is { } g)
        {
            lines.Add((GrievanceMechanismText.Heading, "Concerns received in the reporting period", g.ConcernsReceived));
            lines.Add((GrievanceMechanismText.Heading, "Resolved", g.Resolved));
            lines.Add((GrievanceMechanismText.Heading, "Dismissed", g.Dismissed));
            lines.Add((GrievanceMechanismText.Heading, "Open", g.Open));
            lines.Add((GrievanceMechanismText.Heading, "Smelters substantiated against", g.SubstantiatedSmelters));
        }
        lines.AddRange(r.RedFlagSmelters.Select(s => ("Red-flag smelters", s.Cid,
            (object)$"{s.Metal} {s.Name} ({s.Country}): {string.Join("; ", s.Reasons)}; named by {string.Join(", ", s.Suppliers)}")));
        lines.AddRange(r.Summary.Select((s, i) => ("Summary", (i + 1).ToString(CultureInfo.InvariantCulture), (object)s)));
        return lines;
    }

    public static string Text(object value) => value switch
    {
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
