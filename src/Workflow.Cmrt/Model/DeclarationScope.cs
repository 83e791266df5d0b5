namespace Workflow.Cmrt.Model;

/// <summary>Declaration!D9. 2.x had division and product-category levels; 3.x onwards company / product / user defined.</summary>
public enum DeclarationScope
{
    Missing,
    Company,
    Product,
    UserDefined,
    Division,
    ProductCategory,
    NotAllowed,
}
