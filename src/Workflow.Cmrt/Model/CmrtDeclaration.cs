using System.Text.Json.Serialization;

namespace Workflow.Cmrt.Model;

/// <summary>A supplier's CMRT read into version-independent meanings.</summary>
public sealed record CmrtDeclaration
{
    /// <summary>"CMRT" (other RMI templates such as EMRT are recognised and reported unreadable for now).</summary>
    public string Template { get; init; } = "CMRT";
    /// <summary>Version as the template names it: "2.03a", "3.01", "6.5".</summary>
    public required string Version { get; init; }
    /// <summary>Major layout family: 2, 3, 4, 5 or 6.</summary>
    public required int Family { get; init; }
    public string? Language { get; init; }
    public required CompanyInfo Company { get; init; }
    public required DeclarationScope Scope { get; init; }
    public string? ScopeRaw { get; init; }
    public string? ScopeDescription { get; init; }
    /// <summary>Always four entries, in <see cref="Metal"/> order.</summary>
    public required IReadOnlyList<MetalAnswers> Metals { get; init; }
    public required CompanyAnswers CompanyQuestions { get; init; }
    public required IReadOnlyList<SmelterRow> Smelters { get; init; }
    public required IReadOnlyList<ProductRow> Products { get; init; }

    /// <summary>
    /// The template was sent back untouched: no company details, no answers, no products (a stray Smelter List row
    /// does not make a declaration). Nothing is declared, so no metal is in scope.
    /// </summary>
    public bool IsEmptyTemplate { get; init; }

    /// <summary><see cref="Version"/> as a comparable revision (the family's first revision if it cannot be parsed).</summary>
    [JsonIgnore]
    public CmrtVersion Revision => CmrtVersion.TryParse(Version, out var v) ? v : new CmrtVersion(Family, 0);

    public IEnumerable<Metal> MetalsInScope => Metals.Where(m => m.InScope).Select(m => m.Metal);
    /// <summary>
    /// The Smelter List rows that count for this declaration: those of metals in scope, and rows without a valid metal
    /// (which the checker rejects). Rows of a metal the declaration puts out of scope, such as a stray sample row in a
    /// third-party blank template, stay out of assessments, reports and roll-ups.
    /// </summary>
    [JsonIgnore]
    public IEnumerable<SmelterRow> SmeltersInScope
    {
        get
        {
            var inScope = MetalsInScope.ToHashSet();
            return Smelters.Where(s => s.Metal is not { } metal || inScope.Contains(metal));
        }
    }

    public MetalAnswers For(Metal metal) => Metals[(int)metal];
}
