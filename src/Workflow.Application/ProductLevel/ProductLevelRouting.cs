using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Domain.Cases;
using Workflow.Rules.Facts;

namespace Workflow.Application.ProductLevel;

/// <summary>
/// What a checked CMRT means for a case once the bill of materials is known: a company-level declaration naming
/// smelters of concern asks for a product-level CMRT before management sees the case (the seed's escalation plan); a
/// product-level CMRT is read against the parts we buy from the supplier, and the reason names those parts and products.
/// </summary>
/// <remarks>
/// Without any part from the supplier in the bill of materials there is nothing a product-level CMRT could be matched
/// to, so the red flag escalates as it always did, and the reason says why no product-level CMRT was asked for.
/// </remarks>
public static class ProductLevelRouting
{
    /// <param name="Rule">The policy rule that asked for the product-level CMRT, when one did.</param>
    public sealed record Routed(SubmissionOutcome Outcome, string Reason, string? Rule = null);

    /// <param name="awaitingProductLevel">The case is in the product-level request stage.</param>
    /// <param name="baseOutcome">The outcome without regard to products.</param>
    /// <param name="baseReason">The reason without regard to products.</param>
    public static Routed Route(DeclarationEvaluation evaluation, SubmissionOutcome baseOutcome, string baseReason,
        IReadOnlyList<SupplierPart> parts, bool awaitingProductLevel, string fileName)
    {
        var declaration = evaluation.Declaration;
        if (declaration is null) return new(baseOutcome, baseReason);

        if (baseOutcome == SubmissionOutcome.RedFlag && evaluation.Decisions.FirstOrDefault(d => d.Kind == DecisionKinds.RequestProductLevelCmrt) is { } request)
            return parts.Count > 0
                ? new(SubmissionOutcome.ProductLevelNeeded,
                    $"{baseReason}; a product-level CMRT is requested for our parts {Few(parts.Select(p => p.Describe()))}", request.Rule)
                : new(baseOutcome, $"{baseReason}; no product-level CMRT requested: no part bought from this supplier is in the bill of materials");

        if (declaration.Scope != DeclarationScope.Product || parts.Count == 0
            || baseOutcome is not (SubmissionOutcome.Accepted or SubmissionOutcome.RedFlag))
            return new(baseOutcome, baseReason);

        var listed = parts.Where(p => declaration.Products.Any(row => p.IsNamedBy(row.Number))).ToList();
        var open = parts.Except(listed).ToList();
        if (listed.Count == 0)
            return awaitingProductLevel && baseOutcome == SubmissionOutcome.Accepted
                ? new(SubmissionOutcome.ProductLevelNeeded,
                    $"product-level CMRT '{fileName}' lists none of our parts ({Few(parts.Select(p => p.Describe()))}); the product-level request stands")
                : new(baseOutcome, $"{baseReason}; it lists none of our parts ({Few(parts.Select(p => p.Describe()))})");

        var covered = $"our parts {Few(listed.Select(p => p.Describe()))}{ProductsOf(listed)}";
        var stillOpen = open.Count == 0 ? "" : $"; not listed, still open: {Few(open.Select(p => p.Describe()))}";
        return baseOutcome == SubmissionOutcome.Accepted
            ? new(baseOutcome, $"product-level CMRT '{fileName}' accepted for {covered}: no smelter of concern{stillOpen}")
            : new(baseOutcome, $"{baseReason}; the product-level CMRT covers {covered}{stillOpen}");
    }

    private static string ProductsOf(IEnumerable<SupplierPart> parts)
    {
        var products = parts.SelectMany(p => p.Products).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return products.Count == 0 ? "" : $" in products {Few(products)}";
    }

    private static string Few(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 8 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(8))} and {list.Count - 8} more";
    }
}
