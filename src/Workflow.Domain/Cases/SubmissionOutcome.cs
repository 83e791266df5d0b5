namespace Workflow.Domain.Cases;

/// <summary>What the check of a submitted CMRT means for the case (an unreadable file counts as invalid).</summary>
public enum SubmissionOutcome
{
    Accepted,
    Invalid,
    RedFlag,
    /// <summary>
    /// A red flag in a declaration that covers more than our products (company level), which the policy answers by
    /// asking for a product-level CMRT before management sees it; also a product-level CMRT that lists none of the
    /// parts we buy, which leaves that request standing.
    /// </summary>
    ProductLevelNeeded,
}
