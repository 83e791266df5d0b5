namespace Workflow.Infrastructure.Reports;

public sealed record ProgramStrengthFigures(int Strong, int Weak, int NotApplicable);
