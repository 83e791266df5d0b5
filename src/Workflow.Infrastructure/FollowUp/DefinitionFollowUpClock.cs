using Workflow.Domain.Cases;
using Workflow.Infrastructure.Cases;

namespace Workflow.Infrastructure.FollowUp;

/// <summary>The follow-up clock read from workflows/follow-up.json: each waiting stage gets its due time on entry.</summary>
public sealed class DefinitionFollowUpClock(FollowUpDefinition definition) : IFollowUpClock
{
    public DateTimeOffset? DueAt(CaseStage stage, DateTimeOffset enteredAt, DateOnly campaignResponseDueDate) =>
        FollowUpTimer.Duration(stage, definition) is { } after ? enteredAt + after : null;
}
