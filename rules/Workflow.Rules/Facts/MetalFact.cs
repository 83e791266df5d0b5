using Workflow.Cmrt.Model;

namespace Workflow.Rules.Facts;

/// <summary>One metal's answers, with the metal's name ready for messages.</summary>
public sealed class MetalFact(MetalAnswers answers)
{
    public MetalAnswers Answers { get; } = answers;
    public Metal Metal => Answers.Metal;
    public string Name => Answers.Metal.ToString();
    public bool InScope => Answers.InScope;
}
