using Workflow.Application.Reports;
namespace Workflow.Application.Reports.Rollup;

/// <summary>
/// The company's CMRT file with what the project's own reader and checker say about it (the same evaluation a
/// customer's upload would get), so a file that would be rejected is noticed before it is sent.
/// </summary>
public sealed record RollupCmrt(byte[] Content, string FileName, string ReadBackOutcome, IReadOnlyList<string> ReadBackErrors);
