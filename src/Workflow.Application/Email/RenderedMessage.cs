using MimeKit;

namespace Workflow.Application.Email;

/// <summary>A message ready to send, or the reason there is nobody to send it to.</summary>
public sealed record RenderedMessage(MimeMessage? Message, string? SkipReason);
