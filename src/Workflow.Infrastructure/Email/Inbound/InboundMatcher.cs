using System.Text.RegularExpressions;
using MimeKit;
using Npgsql;
using Workflow.Application.Email;
using Workflow.Infrastructure.Email;

namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>
/// Finds the case of a supplier's reply: the plus-addressed recipient we set as Reply-To (cmrt+C-000123@...), else a
/// case reference in the subject, else the sender's address when it belongs to a supplier with exactly one open case.
/// </summary>
public sealed partial class InboundMatcher(NpgsqlDataSource db)
{
    public async Task<CaseMatch?> MatchAsync(MimeMessage message, CancellationToken ct)
    {
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address)
            .Concat(new[] { "Delivered-To", "X-Original-To", "Envelope-To" }.SelectMany(h => message.Headers.Where(x => x.Field == h).Select(x => x.Value)));
        foreach (var address in recipients)
            if (PlusReference().Match(address) is { Success: true } m && await ByReferenceAsync(m.Groups[1].Value, ct) is { } id)
                return new CaseMatch(id, m.Groups[1].Value.ToUpperInvariant(), "plus-address");

        foreach (Match m in SubjectReference().Matches(message.Subject ?? ""))
            if (await ByReferenceAsync(m.Value, ct) is { } id)
                return new CaseMatch(id, m.Value.ToUpperInvariant(), "subject");

        var sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        return sender is null ? null : await BySenderAsync(sender, ct);
    }

    private async Task<Guid?> ByReferenceAsync(string reference, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id from workflow.cases where reference = upper(@ref)");
        cmd.Parameters.AddWithValue("ref", reference);
        return await cmd.ExecuteScalarAsync(ct) as Guid?;
    }

    private async Task<CaseMatch?> BySenderAsync(string sender, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.id, c.reference from workflow.cases c join workflow.suppliers s on s.id = c.supplier_id
             where (lower(s.email) = lower(@sender) or lower(@sender) = any(select lower(e) from unnest(s.contact_emails) e))
               and c.state <> 'Terminated'
             limit 2
            """);
        cmd.Parameters.AddWithValue("sender", sender);
        var found = new List<CaseMatch>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add(new CaseMatch(r.GetGuid(0), r.GetString(1), "sender"));
        // Two open cases (two campaigns) would be a guess; a person decides instead.
        return found.Count == 1 ? found[0] : null;
    }

    [GeneratedRegex(@"\+(C-\d+)@", RegexOptions.IgnoreCase)]
    private static partial Regex PlusReference();

    [GeneratedRegex(@"\bC-\d{6,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectReference();
}
