namespace Workflow.Application.Reports;

/// <summary>Suppliers surveyed (cases) and those that sent at least one file, overall and by the response due date.</summary>
public sealed record ResponseFigures(int Surveyed, int Responded, double ResponseRatePercent, int RespondedByDueDate,
    double ResponseRateByDueDatePercent, int NotResponded);
