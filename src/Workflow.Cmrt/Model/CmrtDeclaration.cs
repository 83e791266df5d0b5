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

    public IEnumerable<Metal> MetalsInScope => Metals.Where(m => m.InScope).Select(m => m.Metal);
    public MetalAnswers For(Metal metal) => Metals[(int)metal];
}
