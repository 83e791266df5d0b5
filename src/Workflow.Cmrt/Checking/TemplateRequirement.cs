using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>Revisions <see cref="From"/> to <see cref="Until"/> (both inclusive; null = every later revision).</summary>
public sealed record VersionRange(string From, string? Until = null)
{
    private readonly CmrtVersion _from = CmrtVersion.Parse(From);
    private readonly CmrtVersion? _until = Until is null ? null : CmrtVersion.Parse(Until);

    public bool Contains(CmrtVersion version) => version >= _from && (_until is not { } until || version <= until);

    public override string ToString() => Until is null ? $"{From} and later" : $"{From}–{Until}";
}

/// <summary>
/// One rule the template itself states, with the revisions that state it and where (Checker row, data validation,
/// question or instruction text). A finding under this code is an error only in those revisions; in the others the
/// supplier's template never asked for it, so it is a warning at most.
/// </summary>
public sealed record TemplateRequirement(string Code, string Source, IReadOnlyList<VersionRange> AskedIn)
{
    public bool IsAskedIn(CmrtVersion version) => AskedIn.Any(r => r.Contains(version));

    public string Revisions => string.Join(", ", AskedIn);
}
