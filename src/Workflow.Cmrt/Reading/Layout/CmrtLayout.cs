namespace Workflow.Cmrt.Reading.Layout;

/// <summary>Where one CMRT version family keeps its answers (Declaration, Smelter List, Product List).</summary>
internal sealed record CmrtLayout
{
    public required int Family { get; init; }
    public required CompanyFieldRows Fields { get; init; }
    public required IReadOnlyList<MetalQuestion> MetalQuestions { get; init; }
    public required IReadOnlyList<CompanyQuestion> CompanyQuestions { get; init; }
    public required SmelterColumns Smelters { get; init; }
    /// <summary>Smelter List cell holding "Revision x.yz", a fallback for version detection.</summary>
    public string? SmelterRevisionCell { get; init; }
    public const int SmelterFirstRow = 5;
    public const int ProductFirstRow = 6;

    public MetalQuestion? Question(MetalTopic topic) => MetalQuestions.FirstOrDefault(q => q.Topic == topic);
    public int LastDeclarationRow => Math.Max(
        MetalQuestions.Max(q => q.FirstAnswerRow + 3),
        CompanyQuestions.Count == 0 ? 0 : CompanyQuestions.Max(q => q.Row));
}
