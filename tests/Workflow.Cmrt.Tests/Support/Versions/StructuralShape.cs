using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Tests.Support.Versions;

/// <summary>
/// Where a 4.x/5.x Declaration written by structure puts its blocks. No real 4.x or 5.x workbook has been seen, so
/// the default is only the 3.x arrangement (Q1 text at B25, 6-row blocks, "Answer" over column D); tests move the
/// blocks and change the header to show the reader follows the structure rather than these rows.
/// </summary>
public sealed record StructuralShape
{
    public static StructuralShape LikeThreeX { get; } = new();

    /// <summary>The row of question 1's text (B) and answer header (D).</summary>
    public int FirstQuestionRow { get; init; } = 25;
    /// <summary>Empty rows after each block's four metal rows.</summary>
    public int BlankRowsAfterBlock { get; init; } = 1;
    /// <summary>The header over the answers (column D) of every block, translated with the labels in a real file.</summary>
    public string AnswerHeader { get; init; } = "Answer";
    /// <summary>Rows B of the four metals of a block (Tantalum, Tin, Gold, Tungsten).</summary>
    public IReadOnlyList<string> MetalLabels { get; init; } = ["Tantalum  (*)", "Tin  (*)", "Gold  (*)", "Tungsten  (*)"];
    /// <summary>Per-metal question texts instead of the version's (their count is the number of blocks written).</summary>
    public IReadOnlyList<string>? MetalQuestionTexts { get; init; }
    /// <summary>Company question texts instead of the version's (their count is the number of questions written).</summary>
    public IReadOnlyList<string>? CompanyQuestionTexts { get; init; }

    public int BlockRow(int questionIndex) => FirstQuestionRow + questionIndex * (5 + BlankRowsAfterBlock);

    public int AnswerRow(int questionIndex, Metal metal) => BlockRow(questionIndex) + 1 + (int)metal;

    /// <summary>Company section: a title row and a header row after the last block, then one question every second row.</summary>
    public int CompanyRow(int index, int metalBlocks) => BlockRow(metalBlocks) + 2 + 2 * index;
}
