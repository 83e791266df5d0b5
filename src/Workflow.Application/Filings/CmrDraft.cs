using System.Globalization;
using Workflow.Application.ProductDeterminations;
using Workflow.Application.Reports;

namespace Workflow.Application.Filings;

/// <summary>A section of the draft: a heading, paragraphs and a bulleted list. Text in [brackets] is for the compliance owner to write.</summary>
public sealed record CmrSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string>? Bullets = null, bool Sub = false);

/// <summary>
/// The Conflict Minerals Report as a draft document, built from a frozen filing in the structure of the seed report
/// (introduction and scope, RCOI, design and execution of due diligence by OECD step, determination, risk mitigation,
/// Appendix A): the figures filled in, the company's own story left as bracketed prompts to replace.
/// </summary>
public sealed record CmrDraft(string Title, string Subtitle, IReadOnlyList<CmrSection> Sections, IReadOnlyList<string[]> AppendixA, string FilingNote)
{
    public static readonly string[] AppendixHeader = ["Metal", "Standard Smelter Name", "Smelter Facility Location", "Status"];

    public static CmrDraft From(FrozenFiling filing, CampaignReport r, IReadOnlyList<string[]> appendixA, string? companyName)
    {
        var inv = CultureInfo.InvariantCulture;
        var company = string.IsNullOrWhiteSpace(companyName) ? "[Company name]" : companyName.Trim();
        string Day(DateOnly d) => d.ToString("MMMM d, yyyy", inv);
        string Pct(double p) => Math.Round(p, MidpointRounding.AwayFromZero).ToString("0", inv) + "%";
        var d = r.Determinations;
        var s = r.Smelters;
        var f = r.FollowUp;

        CmrSection[] sections =
        [
            new("Introduction and summary",
            [
                $"This {company} Conflict Minerals Report (this \"Report\") has been prepared pursuant to Rule 13p-1 (the \"Rule\") under the Securities " +
                $"Exchange Act of 1934, as amended, for the reporting period from {Day(r.PeriodStart)} to {Day(r.PeriodEnd)}.",
                "[Describe the products manufactured or contracted to be manufactured in the period that contain, or are believed to contain, " +
                "conflict minerals necessary to their functionality or production.]",
                $"Based on its assessment of the survey responses received from {r.Responses.Responded} of {r.Responses.Surveyed} suppliers, {company} " +
                $"determined that {d.NotFromCoveredCountries + d.NoConflictMinerals + d.RecycledOrScrap} suppliers reported 3TG not sourced from the Covered Countries, " +
                $"no 3TG, or 3TG from recycled or scrap sources only; for {d.Undetermined} suppliers the origin could not be determined, and " +
                $"{d.NoValidResponse} suppliers gave no valid response.",
            ]),
            new("Company overview", ["[Describe the company, its business segments and its products.]"]),
            new("Reasonable country of origin inquiry (RCOI)",
            [
                $"To determine whether any 3TG in our products originated in the Covered Countries, we surveyed {r.Responses.Surveyed} suppliers with the " +
                "Responsible Minerals Initiative's Conflict Minerals Reporting Template (CMRT), followed up with those who did not answer, and rejected " +
                "and re-requested responses that were incomplete or inconsistent.",
                $"By the response due date of {Day(r.ResponseDueDate)}, {Pct(r.Responses.ResponseRateByDueDatePercent)} of the suppliers surveyed had responded; " +
                $"as of {Day(filing.AsOf)}, {Pct(r.Responses.ResponseRatePercent)} had.",
            ]),
            new("Design of due diligence",
            [
                "Our due diligence on the source and chain of custody of the 3TG has been designed to conform to the OECD Due Diligence Guidance for " +
                "Responsible Supply Chains of Minerals from Conflict-Affected and High-Risk Areas, including the supplements on Gold and on Tin, Tantalum " +
                "and Tungsten (the \"OECD Framework\"), in five steps:",
            ],
            [
                "Establishing strong company management systems regarding conflict minerals;",
                "Identifying and assessing risks in our supply chain;",
                "Designing and implementing a strategy to respond to identified risks in our supply chain;",
                "Utilizing independent third-party audits of smelter and refiner due diligence; and",
                "Publicly reporting on our supply chain due diligence.",
            ]),
            new("Step 1: Company management system", [
                "[Describe the internal team, the conflict minerals policy and supplier engagement.]",
                "Supplier responses, the messages sent and received, every decision and its reason are kept in the due-diligence records, " +
                "with an audit trail of who decided what and when."], Sub: true),
            // The seed report describes its grievance mechanism under step 1; the figures come from the frozen report
            // (a filing frozen before the report counted concerns leaves the prompt).
            new(GrievanceMechanismText.Heading, [
                GrievanceMechanismText.Description,
                r.GrievanceMechanism is { } g
                    ? GrievanceMechanismText.Activity(g, r.PeriodStart, r.PeriodEnd, filing.AsOf)
                    : "[Describe the concerns received through the grievance mechanism in the reporting period and what became of them.]",
                "[Name the officers who are notified of every concern, e.g. the President, the CFO, the General Counsel and the Chair of the Audit Committee.]"],
                Sub: true),
            new("Step 2: Identifying and assessing risks in our supply chain", [
                $"We reviewed every CMRT received: {r.Validity.SubmissionsReceived} submissions, of which {r.Validity.Invalid} were still invalid at the " +
                $"end of the period and {r.Validity.Corrected} were corrected after a correction request.",
                $"Suppliers were evaluated on program strength: {r.ProgramStrength.Strong} had a strong program and {r.ProgramStrength.Weak} a weak one.",
                $"From the responses we identified {r.RedFlagSmelters.Count} smelters or refiners that potentially posed a risk."], Sub: true),
            new("Step 3: Designing and implementing a response to identified risks", [
                $"{f.EverEscalated} supplier cases were escalated to management; {f.ExtensionsGranted} extensions were granted, {f.RiskAccepted} risks " +
                $"accepted and {f.TerminationsApproved} terminations approved; {f.ProductLevelCmrtsRequested} product-level CMRTs were requested.",
                "[Describe how risks were mitigated with the suppliers concerned.]"], Sub: true),
            new("Step 4: Independent third-party audits of smelters' and refiners' due diligence practices", [
                $"We compared the smelters and refiners named by suppliers with the reference list: {s.Conformant} are conformant with an independent " +
                $"third-party audit program and {s.Active} are undergoing an audit.",
                "[State whether the company has a direct relationship with, or directs audits of, any smelter or refiner.]"], Sub: true),
            new("Step 5: Publicly report our supply chain due diligence", [
                $"[State where the Form SD for the period ended {Day(r.PeriodEnd)} and this Report are published.]"], Sub: true),
            new("Due diligence results", [
                $"As of {Day(filing.AsOf)}, we received responses from {Pct(r.Responses.ResponseRatePercent)} of the suppliers we surveyed. " +
                $"{r.Validity.Valid} suppliers sent a valid CMRT; {r.Validity.StillInvalidAfterCorrectionRequest} were unable to correct theirs and are still " +
                "listed as invalid submissions.",
                $"Of the {r.Responses.Surveyed} suppliers surveyed, {d.NoConflictMinerals} reported no 3TG in the products they supply, " +
                $"{d.NotFromCoveredCountries} reported 3TG not sourced from the Covered Countries, {d.RecycledOrScrap} reported recycled or scrap sources only, " +
                $"{d.CoveredCountriesConformant} reported sourcing from the Covered Countries through conformant smelters, and for {d.Undetermined} the origin " +
                "could not be determined.",
                $"Our suppliers identified a total of {s.OnReferenceList} legitimate smelters and refiners that appear on the reference list; {s.Conformant} " +
                $"are conformant and {s.Active} are undergoing an audit. {s.UnknownOrNotListed} further names could not be matched to a known facility and " +
                "are being followed up with the suppliers who gave them.",
                "Attached as Appendix A is a list of the smelters and refiners listed by our suppliers in their completed CMRTs that appear on the " +
                "reference list as legitimate. Since most CMRTs were made on a company or division level, we are not able to identify which of them " +
                "actually processed the 3TG contained in our products.",
            ]),
            new("Product determinations", ProductDisclosure.Paragraphs(r.Products), Sub: true),
            new("Risk mitigation", ["[Describe the steps taken and planned to improve due diligence and to mitigate the risk that necessary conflict " +
                "minerals benefit armed groups.]"]),
        ];
        return new CmrDraft($"{company} Conflict Minerals Report", $"For the year ended {Day(r.PeriodEnd)}", sections, appendixA,
            $"Draft generated from frozen filing {filing.Id} (effort through {filing.AsOf.ToString("yyyy-MM-dd", inv)}, SHA-256 {filing.Sha256}). " +
            "Replace every text in [brackets] before publishing.");
    }
}
