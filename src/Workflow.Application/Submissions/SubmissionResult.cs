using Workflow.Cmrt.Evaluation;

namespace Workflow.Application.Submissions;

public sealed record SubmissionResult(Guid SubmissionId, DeclarationEvaluation Evaluation, string State, string Stage);
