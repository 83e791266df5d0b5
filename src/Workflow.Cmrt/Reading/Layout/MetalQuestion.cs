namespace Workflow.Cmrt.Reading.Layout;

/// <summary>A per-metal question: its number in this version, its meaning, the first answer row (Tantalum; then Tin, Gold, Tungsten) and the allowed answers.</summary>
internal sealed record MetalQuestion(int Number, MetalTopic Topic, int FirstAnswerRow, IReadOnlyList<string> Allowed);
