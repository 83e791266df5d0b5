namespace Workflow.Application.Reports;

/// <summary>Computes a <see cref="CampaignReport"/> from loaded data; pure, so every figure is reproducible from the rows.</summary>
public static class CampaignReportBuilder
{
    public const string ProductLevelFromDecisions = "request-product-level-cmrt decisions in the evaluations";
    public const string ProductLevelFromRedFlags = "red-flag cases whose CMRT was company-level";
    public const string ProductLevelSent = "product-level CMRT requests sent to suppliers (cases that entered the product-level request stage)";

    public static CampaignReport Build(ReportData data, SmelterCatalogResult catalog, DateTimeOffset generatedAt, DateOnly? asOf = null)
    {
        var cases = data.Cases;
        var campaign = data.Campaign;
        // The due date is a calendar day: anything received on it counts.
        var dueEnd = UtcDay.End(campaign.ResponseDueDate);
        var surveyed = cases.Count;
        var responded = cases.Count(c => c.Responded);
        var byDue = cases.Count(c => c.FirstSubmissionAt is { } at && at < dueEnd);
        var latestValid = cases.Where(c => c.HasValid).Select(c => c.LatestValid!).ToList();

        var determinations = latestValid.GroupBy(e => e.Determination ?? "undetermined").ToDictionary(g => g.Key, g => g.Count());
        var scopes = latestValid.GroupBy(e => e.Declaration?.Scope ?? "Missing").ToDictionary(g => g.Key, g => g.Count());
        var strength = latestValid.GroupBy(e => e.ProgramStrength ?? "not-applicable").ToDictionary(g => g.Key, g => g.Count());
        var smelters = catalog.Smelters;
        var scopeFigures = new ScopeFigures(Get(scopes, "Company"), Get(scopes, "Product"), Get(scopes, "UserDefined"),
            latestValid.Count - Get(scopes, "Company") - Get(scopes, "Product") - Get(scopes, "UserDefined"), false);

        var report = new CampaignReport
        {
            CampaignId = campaign.Id,
            CampaignName = campaign.Name,
            PeriodStart = campaign.PeriodStart,
            PeriodEnd = campaign.PeriodEnd,
            ResponseDueDate = campaign.ResponseDueDate,
            GeneratedAt = generatedAt,
            AsOf = asOf,
            Responses = new ResponseFigures(surveyed, responded, Percent(responded, surveyed), byDue, Percent(byDue, surveyed), surveyed - responded),
            Validity = new ValidityFigures(
                cases.Count(c => c.Responded && !c.LatestIsInvalid),
                cases.Count(c => c.LatestIsInvalid),
                cases.Count(c => c.LatestIsInvalid && c.Triggers.Contains("RejectedAsInvalid")),
                cases.Count(c => c.CorrectedAfterInvalid),
                cases.Sum(c => c.Submissions)),
            Determinations = new DeterminationFigures(
                Get(determinations, "no-3tg"), Get(determinations, "not-from-covered-countries"), Get(determinations, "recycled-or-scrap"),
                Get(determinations, "covered-countries-conformant"), Get(determinations, "undetermined"),
                surveyed - latestValid.Count),
            RedFlagSmelters = RedFlags(cases),
            Smelters = new SmelterFigures(smelters.Count, smelters.Count(s => s.OnReferenceList),
                smelters.Count(s => s.Status == "conformant"), smelters.Count(s => s.Status == "active"),
                smelters.Count(s => s.Status == "not-audited"), smelters.Count(s => s.Status is "unknown" or "not-listed"),
                catalog.NotYetIdentifiedRows),
            Scopes = scopeFigures with { MostCompanyLevel = latestValid.Count > 0 && scopeFigures.Company * 2 > latestValid.Count },
            ProgramStrength = new ProgramStrengthFigures(Get(strength, "strong"), Get(strength, "weak"), Get(strength, "not-applicable")),
            FollowUp = FollowUp(cases),
            CasesByState = cases.GroupBy(c => c.State).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            PolicyVersions = data.PolicyVersions,
            ReferenceListVersions = data.ReferenceListVersions,
            Summary = [],
        };
        return report with { Summary = ReportSummary.Sentences(report) };
    }

    private static IReadOnlyList<RedFlagSmelter> RedFlags(IEnumerable<ReportCase> cases)
    {
        var flagged = new SortedDictionary<string, (StoredEvaluation.StoredSmelter? Smelter, SortedSet<string> Reasons, SortedSet<string> Suppliers)>(StringComparer.Ordinal);
        foreach (var c in cases.Where(c => c.HasValid))
            foreach (var f in c.LatestValid!.Findings.Where(f => f.Severity == "RedFlag" && !string.IsNullOrWhiteSpace(f.Cid)))
            {
                var cid = f.Cid!.Trim().ToUpperInvariant();
                if (!flagged.TryGetValue(cid, out var entry))
                    flagged[cid] = entry = (c.LatestValid.Smelters.FirstOrDefault(s => string.Equals(s.Cid, cid, StringComparison.OrdinalIgnoreCase)),
                        new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                entry.Reasons.Add(f.Because ?? f.Message ?? f.Code ?? "red flag");
                entry.Suppliers.Add(c.SupplierName);
            }
        return flagged.Select(p => new RedFlagSmelter(p.Key, p.Value.Smelter?.Metal, p.Value.Smelter?.Name, p.Value.Smelter?.Country,
            p.Value.Reasons.ToList(), p.Value.Suppliers.ToList())).ToList();
    }

    private static FollowUpFigures FollowUp(IReadOnlyList<ReportCase> cases)
    {
        int Entries(string trigger) => cases.Sum(c => c.Triggers.Count(t => t == trigger));
        var fromDecisions = cases.Count(c => c.LatestValid?.Decisions.Any(d => d.Kind == "request-product-level-cmrt") == true);
        var anyDecisionKind = cases.Any(c => c.LatestValid?.Decisions.Any(d => d.Kind == "request-product-level-cmrt") == true);
        var fromRedFlags = cases.Count(c => c.LatestValid is { } e && e.Findings.Any(f => f.Severity == "RedFlag")
            && e.Declaration?.Scope == "Company");
        // Requests actually sent are the figure when the workflow sent any (a bill of materials names the suppliers' parts);
        // a campaign without one keeps counting what the policy decided, as the seed counted its requests.
        var sent = cases.Count(c => c.Triggers.Contains("ProductLevelCmrtRequested"));
        return new FollowUpFigures(
            cases.Count(c => c.EverEscalated), cases.Count(c => c.State == "Escalated"),
            Entries("ExtensionGranted"), Entries("RiskAccepted"), Entries("TerminationRecommended"), Entries("TerminationApproved"),
            sent > 0 ? sent : anyDecisionKind ? fromDecisions : fromRedFlags,
            sent > 0 ? ProductLevelSent : anyDecisionKind ? ProductLevelFromDecisions : ProductLevelFromRedFlags);
    }

    private static int Get(Dictionary<string, int> counts, string key) => counts.GetValueOrDefault(key);

    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}
