using Workflow.Cmrt.Model;

namespace Workflow.Rules.Facts;

/// <summary>The declaration-wide facts rules need (scope, version), without the lists that are inserted separately.</summary>
public sealed class DeclarationFact
{
    public required string Version { get; init; }
    public required int Family { get; init; }
    public required DeclarationScope Scope { get; init; }
    public string? CompanyName { get; init; }
    public string ScopeLocation { get; init; } = "Declaration!D9";

    /// <summary>
    /// Company, user-defined and the older division / product-category levels cannot tell which smelters are in the
    /// parts we buy (the seed's main risk); only a product-level declaration can.
    /// </summary>
    public bool CoversMoreThanOurProducts => Scope is DeclarationScope.Company or DeclarationScope.UserDefined
        or DeclarationScope.Division or DeclarationScope.ProductCategory;

    public string ScopeName => Scope switch
    {
        DeclarationScope.Company => "company-level",
        DeclarationScope.UserDefined => "user-defined",
        DeclarationScope.Division => "division-level",
        DeclarationScope.ProductCategory => "product-category",
        DeclarationScope.Product => "product-level",
        _ => "unknown-scope",
    };
}
