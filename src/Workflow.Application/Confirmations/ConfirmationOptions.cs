namespace Workflow.Application.Confirmations;

public sealed class ConfirmationOptions
{
    public const string Section = "Program";
    /// <summary>
    /// A supplier whose last valid CMRT was received within this many months may confirm it instead of sending a new
    /// one; 0 turns confirmations off. RMI asks for a CMRT at least yearly, hence 12.
    /// </summary>
    public int ConfirmWithinMonths { get; set; } = 12;
}
