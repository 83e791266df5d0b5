namespace Workflow.Cmrt.Model;

/// <summary>
/// A Declaration answer reduced to its meaning. Graded answers (supplier response rate, survey format) keep their
/// detail in <see cref="AnswerCell.Raw"/> and in typed companions such as <see cref="ResponseRate"/>.
/// </summary>
public enum Answer
{
    Blank,
    Yes,
    No,
    Unknown,
    /// <summary>A value that is not in the template's allowed list, even after normalising case and spaces.</summary>
    NotAllowed,
}

/// <summary>One answer cell: what the supplier typed, what it means, and where it is (e.g. "Declaration!D38").</summary>
public sealed record AnswerCell(string? Raw, Answer Value, string Location, string? Comment = null)
{
    public bool IsYes => Value == Answer.Yes;
    public bool IsNo => Value == Answer.No;
    public bool IsBlank => Value == Answer.Blank;

    /// <summary>The question as the version numbers it ("Q3", "B"), for messages.</summary>
    public string? Question { get; init; }
    /// <summary>The template's allowed answers for this cell, for messages.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    public static AnswerCell Missing(string location) => new(null, Answer.Blank, location);
}
