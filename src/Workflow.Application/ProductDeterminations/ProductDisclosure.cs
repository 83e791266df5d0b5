using System.Globalization;
using static Workflow.Application.ProductDeterminations.ProductDeterminationKinds;

namespace Workflow.Application.ProductDeterminations;

/// <summary>
/// The Conflict Minerals Report's product paragraph in the seed report's terms: the product families covered, the
/// products per determination, and a Form SD product description per determination a filer can adapt.
/// </summary>
public static class ProductDisclosure
{
    private static readonly (string Kind, string Phrase)[] Descriptions =
    [
        (Undetermined, "for which we were unable to determine the origin of the 3TG they contain (DRC conflict undeterminable)"),
        (CoveredCountriesConformant, "whose 3TG came from the Covered Countries through smelters and refiners conformant with an independent " +
            "third-party audit (DRC conflict free)"),
        (NotFromCoveredCountries, "whose 3TG did not originate in the Covered Countries"),
        (RecycledOrScrap, "whose 3TG came from recycled or scrap sources"),
    ];

    public static IReadOnlyList<string> Paragraphs(ProductFigures? figures)
    {
        if (figures is null || figures.Products.Count == 0)
            return ["[No products were recorded when this filing was frozen: describe the products manufactured or contracted to be manufactured " +
                "in the period that contain 3TG necessary to their functionality or production.]"];
        var inv = CultureInfo.InvariantCulture;
        var all = figures.Products;
        var families = Families(all);
        var paragraphs = new List<string>
        {
            $"This Report covers {Products(all.Count)}" + (families.Length == 0 ? "." : $" of the product {(Plural(all, "families", "family"))} {families}.") +
            " Each product's determination follows from the CMRTs covering the parts in its bill of materials: a product-level CMRT " +
            "listing the part where the supplier sent one, else the supplier's company-level CMRT.",
            string.Create(inv, $"Of these, {figures.ByDetermination.GetValueOrDefault(NotFromCoveredCountries)} contain 3TG not from the Covered Countries, ") +
            string.Create(inv, $"{figures.ByDetermination.GetValueOrDefault(RecycledOrScrap)} contain 3TG from recycled or scrap sources, ") +
            string.Create(inv, $"{figures.ByDetermination.GetValueOrDefault(CoveredCountriesConformant)} are DRC conflict free, ") +
            string.Create(inv, $"{figures.ByDetermination.GetValueOrDefault(No3tg) + figures.ByDetermination.GetValueOrDefault(MarkedNo3tg)} do not contain 3TG, ") +
            string.Create(inv, $"and for {figures.ByDetermination.GetValueOrDefault(Undetermined)} we could not determine the origin of the 3TG (DRC conflict undeterminable)."),
        };
        foreach (var (kind, phrase) in Descriptions)
        {
            var group = all.Where(p => p.Determination == kind).ToList();
            if (group.Count == 0) continue;
            var of = Families(group);
            paragraphs.Add($"Form SD product description: Products {(of.Length == 0 ? "" : $"of the {Plural(group, "families", "family")} {of} ")}" +
                $"({Products(group.Count)}) {phrase}.");
        }
        return paragraphs;
    }

    private static string Families(IReadOnlyList<ProductDeterminationLine> products)
    {
        var names = products.Select(p => p.Family?.Trim()).Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0) return "";
        var list = names.Count == 1 ? names[0]! : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return products.Any(p => string.IsNullOrWhiteSpace(p.Family)) ? list + " and others" : list;
    }

    private static string Plural(IReadOnlyList<ProductDeterminationLine> products, string many, string one) =>
        products.Select(p => p.Family?.Trim().ToLowerInvariant()).Where(f => !string.IsNullOrEmpty(f)).Distinct().Count() == 1 ? one : many;

    private static string Products(int n) => n == 1 ? "1 product" : string.Create(CultureInfo.InvariantCulture, $"{n} products");
}
