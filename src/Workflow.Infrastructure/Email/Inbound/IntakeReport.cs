using Workflow.Application.Email;
using Workflow.Infrastructure.Email;
namespace Workflow.Infrastructure.Email.Inbound;

/// <summary>One read of the mailbox: mails submitted and moved, and mails left flagged for a person.</summary>
public sealed record IntakeReport(int Processed, int Flagged);
