using Workflow.Domain.Cases;
using Workflow.StateMachines;

namespace Workflow.Application.Cases;

/// <summary>One case of a transition batch: what should happen to it, why, and the version the caller saw.</summary>
/// <param name="ExpectedVersion">When given, refuse if the case is no longer at this version (jobs, UI forms).</param>
/// <param name="DueAt">Overrides the follow-up clock (e.g. an extension to a date chosen by a manager).</param>
/// <param name="SendsMessages">False when the move must not write the e-mails its stage declares (a re-evaluation
/// moves cases without telling anyone unless asked); the audit entry and the follow-up clock are as usual.</param>
public sealed record TransitionRequest(Guid CaseId, CaseIntention Intention, TransitionCause Cause, int? ExpectedVersion = null,
    DateTimeOffset? DueAt = null, bool SendsMessages = true);
