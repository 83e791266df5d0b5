using Workflow.Domain.Cases;

namespace Workflow.StateMachines;

/// <summary>
/// The e-mail a case gets when it enters a stage from outside (a sub-stage move inside a superstate does not re-enter
/// the superstate). <paramref name="Kind"/> names the templates workflows/templates/&lt;kind&gt;.&lt;lang&gt;.txt and is
/// stored with the outbox row: do not rename.
/// </summary>
public sealed record StageMessage(string Kind)
{
    /// <summary>Only when entered through one of these triggers (e.g. the survey at launch, not after an extension).</summary>
    public IReadOnlyList<CaseTrigger>? OnlyVia { get; init; }

    /// <summary>Sent again when an <see cref="OnlyVia"/> trigger fires while the case stays inside the stage.</summary>
    public bool AgainWhileInside { get; init; }

    /// <summary>Goes to management (Notifications:ManagementRecipients) instead of to the supplier.</summary>
    public bool ToManagement { get; init; }

    /// <summary>Quotes the findings of the case's latest submission.</summary>
    public bool QuotesFindings { get; init; }

    /// <summary>
    /// Lists the parts we buy from the supplier (our and its part numbers, from the bill of materials) and the smelters of
    /// concern in its latest declaration: what a product-level CMRT has to answer.
    /// </summary>
    public bool ListsPartsAndConcerns { get; init; }
}
