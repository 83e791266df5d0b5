using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;

namespace Workflow.Cli.Cmrt;

/// <summary>Wire spellings shared by the JSON and the text report.</summary>
public static class Wire
{
    public static string Severity(FindingSeverity severity) => severity.ToWire();

    public static string Scope(DeclarationScope scope) => scope switch
    {
        DeclarationScope.Company => "company",
        DeclarationScope.Product => "product",
        DeclarationScope.UserDefined => "user-defined",
        DeclarationScope.Division => "division",
        DeclarationScope.ProductCategory => "product-category",
        DeclarationScope.NotAllowed => "not-allowed",
        _ => "missing",
    };
}
