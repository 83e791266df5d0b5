using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>Settings of the roll-up CMRT (section <c>Reports</c>).</summary>
public sealed class RollupOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// RMI's current CMRT 6.x template (.xlsx, downloaded from the RMI site; RMI's files cannot ship with this
    /// project). When set, the roll-up is that template filled in cell by cell, with its instructions, drop-downs and
    /// Checker; when empty, the service writes the same 6.5 layout itself.
    /// </summary>
    public string? CmrtTemplatePath { get; set; }
}
