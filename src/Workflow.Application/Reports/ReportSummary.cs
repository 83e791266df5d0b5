using System.Globalization;

namespace Workflow.Application.Reports;

/// <summary>The report's figures as sentences in the seed report's style, ready to paste into a CMR draft.</summary>
public static class ReportSummary
{
    public static IReadOnlyList<string> Sentences(CampaignReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        string Pct(double p) => Math.Round(p, MidpointRounding.AwayFromZero).ToString("0", inv) + "%";
        var s = new List<string>
        {
            $"{r.Responses.Surveyed} suppliers surveyed; {Pct(r.Responses.ResponseRateByDueDatePercent)} responded by {r.ResponseDueDate.ToString("yyyy-MM-dd", inv)} " +
            $"({r.Responses.RespondedByDueDate} suppliers); {Pct(r.Responses.ResponseRatePercent)} responded overall ({r.Responses.Responded}).",
            $"{r.Validity.Valid} suppliers sent a valid CMRT; {r.Validity.StillInvalidAfterCorrectionRequest} submissions still invalid after correction requests; " +
            $"{r.Validity.Corrected} corrected after a correction request.",
            $"{r.Determinations.NotFromCoveredCountries} suppliers: 3TG not sourced from a covered country.",
            $"{r.Determinations.Undetermined} suppliers: contain 3TG, origin could not be determined.",
            $"{r.Determinations.NoConflictMinerals} suppliers: no 3TG in the products they supply; {r.Determinations.RecycledOrScrap} suppliers: 3TG from recycled or scrap sources only; " +
            $"{r.Determinations.CoveredCountriesConformant} suppliers: from covered countries through conformant smelters.",
            $"{r.Determinations.NoValidResponse} suppliers without a valid response (no answer or still invalid).",
            $"{r.RedFlagSmelters.Count} smelters posing a potential risk (red flags); {r.FollowUp.ProductLevelCmrtsRequested} product-level CMRTs requested.",
            $"{r.Smelters.OnReferenceList} legitimate smelters and refiners named (on the reference list), {r.Smelters.Conformant} conformant, " +
            $"{r.Smelters.Active} undergoing audit (active), {r.Smelters.NotAudited} not audited; {r.Smelters.UnknownOrNotListed} names not recognised.",
            r.Scopes.MostCompanyLevel
                ? $"Most CMRTs were company-level ({r.Scopes.Company} of {r.Scopes.Company + r.Scopes.Product + r.Scopes.UserDefined + r.Scopes.Other})."
                : $"{r.Scopes.Company} company-level, {r.Scopes.Product} product-level and {r.Scopes.UserDefined} user-defined CMRTs.",
            $"Supplier programs: {r.ProgramStrength.Strong} strong, {r.ProgramStrength.Weak} weak.",
            $"{r.FollowUp.EverEscalated} cases escalated to management; {r.FollowUp.ExtensionsGranted} extensions granted, {r.FollowUp.RiskAccepted} risks accepted, " +
            $"{r.FollowUp.TerminationsApproved} terminations approved.",
            $"Policy versions: {Join(r.PolicyVersions)}; reference lists: {Join(r.ReferenceListVersions)}.",
        };
        if (r.AsOf is { } asOf)
            s.Add($"Effort through {asOf.ToString("MMMM d, yyyy", inv)}: only what was received and decided by the end of that day (UTC) is counted.");
        return s;
    }

    private static string Join(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
