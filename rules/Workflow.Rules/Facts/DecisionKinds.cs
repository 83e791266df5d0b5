namespace Workflow.Rules.Facts;

/// <summary>The Step 3 decision kinds the workflow acts on.</summary>
public static class DecisionKinds
{
    public const string RequestCorrection = "request-correction";
    public const string RequestProductLevelCmrt = "request-product-level-cmrt";
    public const string Escalate = "escalate";
    public const string RecommendTermination = "recommend-termination";
}
