namespace Workflow.Cmrt.Evaluation;

public enum FindingSeverity
{
    Warning,
    Error,
    RedFlag,
}
