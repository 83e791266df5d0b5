namespace Workflow.Application.Reports;

public sealed record ProgramStrengthFigures(int Strong, int Weak, int NotApplicable);
