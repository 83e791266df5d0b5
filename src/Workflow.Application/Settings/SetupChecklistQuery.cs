using Microsoft.Extensions.Options;
using Workflow.Application.Email;
using Workflow.Application.Policies;
using Workflow.Application.Reference;

namespace Workflow.Application.Settings;

/// <summary>One thing a campaign needs before it can run, whether it is done, and where to fix it.</summary>
public sealed record SetupItem(string Text, bool Done, string FixUrl, string FixText, string? Detail = null);

/// <summary>
/// "Before a campaign can run": the company details (the roll-up CMRT), management and procurement recipients
/// (escalations and terminations reach nobody without them), outgoing mail, a smelter reference list, an active policy.
/// </summary>
public sealed class SetupChecklistQuery(EffectiveSettings settings, IOptions<SmtpOptions> smtp, ReferenceListStore references, PolicyStore policies)
{
    public async Task<IReadOnlyList<SetupItem>> GetAsync(CancellationToken ct = default)
    {
        var s = await settings.GetAsync(ct);
        var missing = s.Company.Missing();
        var lists = await references.ListAsync(ct);
        return
        [
            new("Company details complete", missing.Count == 0, "/settings#company", "Fill in the company details",
                missing.Count == 0 ? null : $"{missing.Count} of 9 missing"),
            new("Management recipients set", s.ManagementRecipients.Value.Count > 0, "/settings#notifications", "Add management recipients"),
            new("Procurement recipients set", s.ProcurementRecipients.Value.Count > 0, "/settings#notifications", "Add procurement recipients"),
            // The mail transport is chosen when the service starts: without Smtp:Host e-mails only become .eml files.
            new("Outgoing mail (SMTP) configured", !string.IsNullOrWhiteSpace(smtp.Value.Host), "/settings#mail", "How to configure outgoing mail",
                string.IsNullOrWhiteSpace(smtp.Value.Host) ? "e-mails are written to files, not sent" : null),
            new("A smelter reference list imported", lists.Count > 0, "/settings#reference-lists", "Import a reference list"),
            new("An active policy", policies.List().Any(p => p.IsActive), "/rules", "Activate a policy"),
        ];
    }
}
