namespace Workflow.Application.Reevaluation;

/// <summary>
/// What a compliance owner asks for: the campaign's current submissions evaluated again under a reference list
/// (default: the newest import) and a policy version (default: the campaign's pin; another one re-pins the campaign
/// when applied). <paramref name="Notify"/>: the moves write the e-mails their stages declare; off by default.
/// </summary>
public sealed record ReevaluationRequest(string? ReferenceListVersion = null, string? PolicyVersion = null, bool Apply = false,
    bool? Notify = null, string? Reason = null);
