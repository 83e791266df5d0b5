using Workflow.Application.Email;
using Workflow.Infrastructure.Email;
namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>The case an incoming mail belongs to, and which clue decided it (plus-address, subject, sender).</summary>
public sealed record CaseMatch(Guid CaseId, string Reference, string By);
