using Microsoft.Extensions.Options;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;
using Workflow.Application.Queries;
using Workflow.Application.Grievances;
using Workflow.Application.Settings;
using Workflow.Application.SupplierLinks;
using Workflow.Cmrt.Evaluation;
using Workflow.StateMachines;

namespace Workflow.Application.Email;

/// <summary>
/// Turns an outbox row into a MIME message in the recipient's language. The Message-ID is derived from the outbox row,
/// so a message re-sent after a crash carries the same Message-ID as the first copy and receivers can drop it.
/// </summary>
/// <remarks>Options and settings are read per message (<see cref="IOptionsMonitor{TOptions}"/>, <see cref="EffectiveSettings"/>),
/// so a changed sender, recipient list, public URL, reply-to mailbox or HTML setting applies to the next message without a restart.</remarks>
public sealed class MessageRenderer(MessageTemplates templates, SupplierLinkSigner links, PublicUrls urls, EffectiveSettings settings,
    IOptionsMonitor<SupplierLinkOptions> linkOptions, IOptionsMonitor<SmtpOptions> smtpOptions,
    IOptionsMonitor<NotificationOptions> notificationOptions, IOptionsMonitor<ImapOptions> imapOptions, IOptionsMonitor<EmailOptions> emailOptions,
    TimeProvider clock, CaseMachine machine)
{
    public static string MessageIdFor(OutboxMessage m, string domain) =>
        $"outbox-{m.Id}.{m.Kind}.{m.Occurrence}@{domain}";

    public async Task<RenderedMessage> RenderAsync(OutboxMessage m)
    {
        var smtp = smtpOptions.CurrentValue;
        var notifications = notificationOptions.CurrentValue;
        var current = await settings.GetAsync();
        var from = MailboxAddress.Parse(smtp.From);
        var message = new MimeMessage();
        message.From.Add(from);
        string language;
        if (m.Kind == ConcernMessages.Reply)
        {
            if (Text(m.Data, "to") is not { } to || !MailboxAddress.TryParse(to, out var reporter)) return new RenderedMessage(null, "the reporter gave no e-mail address");
            message.To.Add(reporter);
            language = Text(m.Data, "language") ?? MessageTemplates.Fallback;
        }
        else if (ConcernMessages.IsGrievance(m.Kind))
        {
            // Concerns go to the officers only, never to management's list: a concern may be about management.
            var officers = current.GrievanceOfficers.Value;
            if (officers.Count == 0) return new RenderedMessage(null, "no grievance officers set (/settings, or Grievance:Officers)");
            foreach (var r in officers) message.To.Add(MailboxAddress.Parse(r));
            language = notifications.ManagementLanguage;
        }
        else if (m.Kind == MessageKinds.TerminationApproved)
        {
            var recipients = current.ProcurementRecipients.Value;
            if (recipients.Count == 0) return new RenderedMessage(null, "no procurement recipients set (/settings, or Notifications:ProcurementRecipients)");
            foreach (var r in recipients) message.To.Add(MailboxAddress.Parse(r));
            language = notifications.ManagementLanguage;
        }
        else if (MessageKinds.ToManagement(m.Kind, machine))
        {
            var recipients = current.ManagementRecipients.Value;
            if (recipients.Count == 0) return new RenderedMessage(null, "no management recipients set (/settings, or Notifications:ManagementRecipients)");
            foreach (var r in recipients) message.To.Add(MailboxAddress.Parse(r));
            language = notifications.ManagementLanguage;
        }
        else
        {
            if (m.Case is null) return new RenderedMessage(null, "the case no longer exists");
            message.To.Add(new MailboxAddress(m.Case.ContactName ?? m.Case.SupplierName, m.Case.SupplierEmail));
            foreach (var other in m.Case.OtherContacts)
                if (MailboxAddress.TryParse(other, out var cc)) message.Cc.Add(cc);
            language = m.Case.Language;
            if (PlusAddress(imapOptions.CurrentValue.Address, m.Case.Reference) is { } replyTo) message.ReplyTo.Add(replyTo);
        }

        var template = templates.For(m.Kind, language);
        var culture = CultureFor(template.Language);
        var values = Values(m, template.Language, culture, urls.Resolve(current.PublicBaseUrl.Value), current.GraceDays.Value);
        var (subject, body) = template.Render(values);
        message.Subject = subject;
        message.Body = emailOptions.CurrentValue.HtmlAlternative
            ? new BodyBuilder { TextBody = body, HtmlBody = await PlainTextHtml.FromAsync(body, template.Language, subject) }.ToMessageBody()
            : new TextPart("plain") { Text = body };
        message.MessageId = MessageIdFor(m, from.Domain);
        message.Date = clock.GetUtcNow();
        message.Headers.Add("X-Workflow-Kind", m.Kind);
        message.Headers.Add("X-Workflow-Occurrence", m.Occurrence);
        if (m.Case is not null) message.Headers.Add("X-Workflow-Case", m.Case.Reference);
        return new RenderedMessage(message, null);
    }

    /// <summary>cmrt@example.com + C-000123 → cmrt+C-000123@example.com, so replies find their case.</summary>
    public static MailboxAddress? PlusAddress(string? mailbox, string reference)
    {
        if (string.IsNullOrWhiteSpace(mailbox) || !MailboxAddress.TryParse(mailbox, out var address)) return null;
        var at = address.Address.IndexOf('@');
        return at <= 0 ? null : new MailboxAddress(address.Name, $"{address.Address[..at]}+{reference}{address.Address[at..]}");
    }

    private Dictionary<string, string> Values(OutboxMessage m, string language, CultureInfo culture, string baseUrl, int graceDays)
    {
        var values = new Dictionary<string, string>
        {
            ["escalationsLink"] = PublicUrls.Escalations(baseUrl),
            ["reason"] = Text(m.Data, "reason") ?? "",
            ["timerReason"] = Text(m.Data, "reason") ?? "",
            ["asOf"] = Text(m.Data, "asOf") ?? clock.GetUtcNow().ToString("u", CultureInfo.InvariantCulture),
        };
        if (m.Case is { } c)
        {
            values["reference"] = c.Reference;
            values["supplierName"] = c.SupplierName;
            values["supplierEmail"] = c.SupplierEmail;
            values["contactName"] = c.ContactName ?? c.SupplierName;
            values["campaign"] = c.CampaignName;
            values["dueDate"] = c.ResponseDueDate.ToString(MailWords.For(language).DateFormat, culture);
            values["escalatedAt"] = c.EscalatedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "";
            // The escalation e-mail states why the case was escalated, the termination one keeps both reasons apart.
            if (m.Kind == MessageKinds.TerminationRecommended) values["reason"] = c.EscalationReason ?? "";
            if (MessageKinds.CarriesUploadLink(m.Kind, machine))
            {
                var expires = SupplierLinkExpiry.Of(c.ResponseDueDate, c.ExtendedTo, graceDays, linkOptions.CurrentValue.Lifetime, clock.GetUtcNow());
                values["uploadLink"] = PublicUrls.SupplierPage(baseUrl, links.Create(c.CaseId, expires));
                values["linkExpires"] = SupplierLinkExpiry.LastDay(expires).ToString(MailWords.For(language).DateFormat, culture);
            }
        }
        values["findings"] = Findings(m.Data, language);
        values["parts"] = Parts(m.Data, language);
        values["smeltersOfConcern"] = Concerns(m.Data, language);
        if (m.Kind == MessageKinds.DailyDigest) (values["count"], values["queue"]) = Queue(m.Data);
        if (ConcernMessages.IsGrievance(m.Kind)) GrievanceValues(m.Data, baseUrl, values);
        return values;
    }

    /// <summary>A concern's e-mail carries what its outbox row holds (never the description or the reporter) and where to read more.</summary>
    private static void GrievanceValues(JsonElement data, string baseUrl, Dictionary<string, string> values)
    {
        if (data.ValueKind != JsonValueKind.Object) return;
        foreach (var p in data.EnumerateObject())
            if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number) values[p.Name] = p.Value.ToString();
        values["named"] = data.TryGetProperty("named", out var named) && named.ValueKind == JsonValueKind.True
            ? "named (the reporter's identity is visible to compliance owners only)" : "anonymous";
        values["concernLink"] = Text(data, "concernId") is { } id ? $"{baseUrl.TrimEnd('/')}/grievances/{id}" : $"{baseUrl.TrimEnd('/')}/grievances";
        values["queueLink"] = $"{baseUrl.TrimEnd('/')}/grievances";
        values["reportLink"] = Text(data, "quarter") is { } q ? $"{baseUrl.TrimEnd('/')}/grievances/report?quarter={q}" : $"{baseUrl.TrimEnd('/')}/grievances/report";
    }

    private static string Findings(JsonElement data, string language)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            return "";
        var check = MailWords.For(language).PleaseCheck;
        var sb = new StringBuilder();
        var n = 0;
        // Errors first: they are what must change before the file can be accepted.
        foreach (var f in findings.EnumerateArray().OrderBy(f => Text(f, "severity") == "Error" ? 0 : 1))
        {
            var severity = Text(f, "severity");
            var where = FindingTexts.Place(Text(f, "location"), language);
            // In the supplier's language where the finding's code has a text and the finding kept its values.
            var message = FindingTexts.Message(Text(f, "code") ?? "", Text(f, "message") ?? "", CaseRecordQuery.ArgumentsOf(f), language);
            sb.Append($"  {++n}. {(string.IsNullOrEmpty(where) ? "" : where + ": ")}{message}");
            if (severity is not "Error") sb.Append($" ({check})");
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Our part numbers with the supplier's own, one per line: what its Product List has to name.</summary>
    private static string Parts(JsonElement data, string language)
    {
        if (!TryArray(data, "parts", out var parts)) return "";
        var words = MailWords.For(language);
        if (parts.GetArrayLength() == 0) return "  " + words.EveryPart;
        var (ours, yours) = (words.OurPartNumber, words.YourPartNumber);
        var sb = new StringBuilder();
        foreach (var p in parts.EnumerateArray())
        {
            var supplierNumber = Text(p, "supplierPartNumber");
            sb.Append($"  - {(string.IsNullOrEmpty(supplierNumber) ? "" : $"{yours} {supplierNumber}, ")}{ours} {Text(p, "partNumber")}\n");
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The red flags of the company-level declaration, each with its smelter and why it concerns us.</summary>
    private static string Concerns(JsonElement data, string language)
    {
        if (!TryArray(data, "concerns", out var concerns)) return "";
        var sb = new StringBuilder();
        foreach (var f in concerns.EnumerateArray())
        {
            // The rule's message names the smelter and its identifier; the cell reference means nothing to a sales office.
            var message = Text(f, "message") ?? "";
            var cid = Text(f, "cid");
            sb.Append($"  - {(string.IsNullOrEmpty(cid) || message.Contains(cid, StringComparison.Ordinal) ? "" : cid + ": ")}{message}\n");
        }
        return sb.Length == 0 ? "  " + MailWords.For(language).SeeYourCmrt : sb.ToString().TrimEnd();
    }

    private static bool TryArray(JsonElement data, string name, out JsonElement array)
    {
        array = default;
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array) return false;
        array = value;
        return true;
    }

    private static (string Count, string Lines) Queue(JsonElement data)
    {
        if (!data.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) return ("0", "");
        var sb = new StringBuilder();
        foreach (var i in items.EnumerateArray())
            sb.Append($"  {Text(i, "reference")}  {Text(i, "supplierName")} ({Text(i, "campaign")}), {Text(i, "ageDays")} days: {Text(i, "reason")}\n");
        return (items.GetArrayLength().ToString(CultureInfo.InvariantCulture), sb.ToString().TrimEnd());
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;

    private static CultureInfo CultureFor(string language)
    {
        try { return CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : language); }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }
}
