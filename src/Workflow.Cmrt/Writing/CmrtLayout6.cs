using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Writing;

/// <summary>Cell addresses of the CMRT 6.01–6.5 layout (see docs/cmrt-format.md §5–§10).</summary>
public static class CmrtLayout6
{
    public const string Declaration = "Declaration";
    public const string SmelterList = "Smelter List";
    public const string ProductList = "Product List";

    /// <summary>Row of the first metal (Tantalum) of question <paramref name="question"/> (1-based): Q1 → 26, Q2 → 32, …</summary>
    public static int QuestionRow(int question, Metal metal) => 26 + (question - 1) * 6 + (int)metal;

    /// <summary>Row of company question A (index 0) … H (index 7): 75, 77, …, 89.</summary>
    public static int CompanyQuestionRow(int index) => 75 + index * 2;

    public const int SmelterFirstRow = 5;
    public const int ProductFirstRow = 6;
}
