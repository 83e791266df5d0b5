using Workflow.Cmrt.Evaluation;

namespace Workflow.Infrastructure.Submissions;

public sealed record SubmissionResult(Guid SubmissionId, DeclarationEvaluation Evaluation, string State, string Stage);
