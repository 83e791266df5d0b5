namespace Workflow.Application.Reports;

/// <summary>A smelter that raised a red flag in a latest valid response, with why and who named it.</summary>
public sealed record RedFlagSmelter(string Cid, string? Metal, string? Name, string? Country, IReadOnlyList<string> Reasons, IReadOnlyList<string> Suppliers);
