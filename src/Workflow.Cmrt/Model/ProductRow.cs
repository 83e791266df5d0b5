namespace Workflow.Cmrt.Model;

/// <summary>One Product List row (header row 5, data from row 6).</summary>
public sealed record ProductRow(int RowNumber, string Number, string? Name, string? Comments);
