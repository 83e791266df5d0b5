using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Application.Reports;

/// <summary>
/// The parts of a stored <c>submissions.evaluation</c> document the reports read. Deliberately a separate, lenient
/// shape (strings, not the evaluator's enums and required members) so that older stored evaluations and new fields
/// the evaluator adds later never break a report.
/// </summary>
public sealed record StoredEvaluation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public string? Outcome { get; init; }
    public string? Determination { get; init; }
    public string? ProgramStrength { get; init; }
    public string? PolicyVersion { get; init; }
    public string? ReferenceListVersion { get; init; }
    public IReadOnlyList<StoredFinding> Findings { get; init; } = [];
    public IReadOnlyList<StoredSmelter> Smelters { get; init; } = [];
    public IReadOnlyList<StoredDecision> Decisions { get; init; } = [];
    public StoredDeclaration? Declaration { get; init; }

    public static StoredEvaluation Parse(string json) => JsonSerializer.Deserialize<StoredEvaluation>(json, Json) ?? new StoredEvaluation();

    public sealed record StoredFinding(string? Code, string? Severity, string? Message, string? Rule, string? Because, string? Cid, string? PolicyVersion);

    public sealed record StoredSmelter(string? Metal, string? Name, string? Country, string? Cid, string? Status, bool RedFlag);

    public sealed record StoredDecision(string? Kind, string? Rule, string? Because, string? PolicyVersion);

    public sealed record StoredDeclaration
    {
        public string? Scope { get; init; }
        public IReadOnlyList<StoredMetalAnswers> Metals { get; init; } = [];
        public IReadOnlyList<StoredSmelterRow> Smelters { get; init; } = [];
    }

    public sealed record StoredMetalAnswers
    {
        public string? Metal { get; init; }
        public bool InScope { get; init; }
        public StoredAnswer? CoveredCountrySourcing { get; init; }
        public StoredAnswer? CahraSourcing { get; init; }
        public StoredAnswer? RecycledOrScrap { get; init; }
        public StoredAnswer? AllSmeltersIdentified { get; init; }
        public StoredAnswer? AllInformationReported { get; init; }
    }

    /// <summary>An answer's meaning: Blank, Yes, No, Unknown or NotAllowed.</summary>
    public sealed record StoredAnswer(string? Value, string? Raw);

    public sealed record StoredSmelterRow(string? Metal, string? Kind, string? LookupName, string? Name, string? Country, string? Cid);
}
