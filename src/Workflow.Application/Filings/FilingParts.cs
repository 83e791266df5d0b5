using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workflow.Cmrt.Reference;

namespace Workflow.Application.Filings;

/// <summary>
/// The parts of a frozen filing as the exact bytes served, and the one SHA-256 that seals them: the hash of a manifest
/// naming every part's own SHA-256, the as-of date and the versions used. Any changed byte, date or version changes it.
/// </summary>
public sealed record FilingParts(
    DateOnly AsOf,
    byte[] ReportJson,
    byte[] AppendixACsv,
    byte[] UnrecognisedCsv,
    byte[] EvaluationsJson,
    byte[]? RollupCmrt,
    IReadOnlyList<string> PolicyVersions,
    IReadOnlyList<string> ReferenceListVersions)
{
    public string Manifest() => string.Join("\n",
        "as-of " + AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        $"report.json {Hash(ReportJson)}",
        $"appendix-a.csv {Hash(AppendixACsv)}",
        $"unrecognised-smelters.csv {Hash(UnrecognisedCsv)}",
        $"evaluations.json {Hash(EvaluationsJson)}",
        $"rollup-cmrt.xlsx {(RollupCmrt is null ? "none" : Hash(RollupCmrt))}",
        $"policy-versions {string.Join(",", PolicyVersions)}",
        $"reference-list-versions {string.Join(",", ReferenceListVersions)}") + "\n";

    public string Sha256() => Hash(Encoding.UTF8.GetBytes(Manifest()));

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The data rows of a CSV part (the header left out), cells as written.</summary>
    public static IEnumerable<string[]> CsvRows(byte[] csv) => CsvTable.Parse(new StringReader(CsvTable.DecodeText(csv))).Skip(1);
}
