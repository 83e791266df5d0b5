using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reading.Smelters;

/// <summary>One row of a workbook's own look-up table: the name a supplier picks and what it stands for.</summary>
internal sealed record LookupEntry(Metal Metal, string LookupName, string? StandardName, string? Country, string? Id, string? StateProvince = null);
