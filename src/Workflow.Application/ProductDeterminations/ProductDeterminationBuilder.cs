using static Workflow.Application.ProductDeterminations.ProductDeterminationKinds;

namespace Workflow.Application.ProductDeterminations;

/// <summary>
/// Computes each product's determination from loaded data; pure, so every determination is reproducible from the rows.
/// A part counts once per supplier it is bought from: a dual-sourced part's 3TG may come from either.
/// </summary>
public static class ProductDeterminationBuilder
{
    public static IReadOnlyList<ProductDetermination> Build(ProductDeterminationData data)
    {
        var result = new List<ProductDetermination>();
        foreach (var product in data.Bom.GroupBy(r => r.ProductId))
        {
            var first = product.First();
            var coverages = new List<(PartCoverage Part, ValidDeclaration? By, CampaignCase? Case)>();
            foreach (var part in product.Where(r => r.PartId is not null).GroupBy(r => r.PartId))
                coverages.AddRange(CoverPart(part.ToList(), data));
            result.Add(Determine(first, coverages));
        }
        return result;
    }

    private static IEnumerable<(PartCoverage, ValidDeclaration?, CampaignCase?)> CoverPart(List<BomRow> sources, ProductDeterminationData data)
    {
        var part = sources[0];
        var number = part.PartNumber!;
        if (part.PartNo3tg)
        {
            yield return (new PartCoverage(number, null, null, null, null, null, null, null, MarkedNo3tg, false, null,
                $"marked not containing 3TG: {part.PartNo3tgReason}"), null, null);
            yield break;
        }
        if (sources.All(s => s.SupplierId is null))
        {
            yield return (Open(number, null, null, null, $"no supplier is known for part {number}"), null, null);
            yield break;
        }
        foreach (var source in sources.Where(s => s.SupplierId is not null))
            yield return Cover(number, source, data);
    }

    private static (PartCoverage, ValidDeclaration?, CampaignCase?) Cover(string partNumber, BomRow source, ProductDeterminationData data)
    {
        var supplier = source.SupplierName!;
        var supplierPart = string.IsNullOrWhiteSpace(source.SupplierPartNumber) ? null : source.SupplierPartNumber.Trim();
        // A product-level CMRT lists the supplier's numbers; without one recorded, our own number is what it can list.
        var key = supplierPart ?? partNumber.Trim();
        if (!data.CasesBySupplier.TryGetValue(source.SupplierId!.Value, out var c))
            return (Open(partNumber, source.SupplierId, supplier, supplierPart, $"{supplier} is not surveyed in this campaign"), null, null);

        var valid = data.ValidByCase.GetValueOrDefault(c.CaseId) ?? [];
        if (valid.FirstOrDefault(v => v.IsProductLevel && v.ProductNumbers.Contains(key)) is { } product)
        {
            // Listed at product level: its smelters are this part's smelters, so a red flag there is this part's, and
            // leaves its origin undetermined rather than waiting for another CMRT.
            var determination = product.RedFlags.Count > 0 ? Undetermined : product.Determination ?? Undetermined;
            string? why = product.RedFlags.Count > 0
                ? $"the product-level CMRT {product.FileName} of {supplier} covering {key} names smelters of concern{Cids(product)}"
                : determination == Undetermined ? $"the product-level CMRT {product.FileName} of {supplier} leaves the origin undetermined" : null;
            return (Covered(partNumber, source, supplierPart, "product", product, determination, false, why), product, c);
        }
        if (valid.FirstOrDefault(v => !v.IsProductLevel) is { } company)
        {
            if (company.RequestsProductLevel || company.RedFlags.Count > 0)
                return (Covered(partNumber, source, supplierPart, "company", company, Undetermined, true,
                    $"the company-level CMRT of {supplier} names smelters of concern{Cids(company)}; a product-level CMRT covering {key} is awaited"),
                    company, c);
            var determination = company.Determination ?? Undetermined;
            return (Covered(partNumber, source, supplierPart, "company", company, determination, false,
                determination == Undetermined ? $"the CMRT {company.FileName} of {supplier} leaves the origin undetermined" : null), company, c);
        }
        var reason = valid.Count > 0 ? $"no valid CMRT from {supplier} covers {key}: its product-level CMRTs do not list it"
            : c.Submissions > 0 ? $"no valid CMRT from {supplier}"
            : $"{supplier} has not responded";
        return (Open(partNumber, source.SupplierId, supplier, supplierPart, reason), null, c);
    }

    private static string Cids(ValidDeclaration d)
    {
        var cids = d.RedFlags.Select(f => f.Cid?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return cids.Count == 0 ? "" : $" ({string.Join(", ", cids)})";
    }

    private static PartCoverage Open(string part, Guid? supplierId, string? supplier, string? supplierPart, string why) =>
        new(part, supplierId, supplier, supplierPart, null, null, null, null, Undetermined, true, why, null);

    private static PartCoverage Covered(string part, BomRow source, string? supplierPart, string scope, ValidDeclaration by, string determination,
        bool open, string? why) =>
        new(part, source.SupplierId, source.SupplierName, supplierPart, scope, by.Scope, by.SubmissionId, by.FileName, determination, open, why, null);

    private static ProductDetermination Determine(BomRow product, List<(PartCoverage Part, ValidDeclaration? By, CampaignCase? Case)> coverages)
    {
        var parts = coverages.Select(c => c.Part).ToList();
        var counted = coverages.Where(c => c.Part.Excluded is null).ToList();
        var suppliers = counted.Where(c => c.Part.SupplierId is not null)
            .Select(c => new ProductSupplier(c.Part.SupplierId!.Value, c.Part.SupplierName!, c.Case?.CaseId, c.Case?.State, c.Part.Scope,
                c.Part.SubmissionId, c.Part.FileName))
            .Distinct()
            .ToList();
        var redFlags = counted.Where(c => c.By is not null)
            .SelectMany(c => c.By!.RedFlags.Select(f => new ProductRedFlag(f.Code, f.Cid, f.Smelter, f.Because, c.Part.PartNumber,
                c.Part.SupplierName!, c.Part.SupplierPartNumber, c.By.SubmissionId)))
            .Distinct()
            .ToList();
        var open = counted.Where(c => c.Part.Open)
            .Select(c => new OpenPart(c.Part.PartNumber, c.Part.SupplierName, c.Part.SupplierPartNumber, c.Part.Why!))
            .ToList();

        ProductDetermination Result(string determination, string because, string words, IReadOnlyList<OpenPart>? openParts = null) =>
            new(product.ProductNumber, product.ProductName, product.Family, determination, because, words, suppliers, redFlags, openParts ?? open, parts);

        if (product.ProductNo3tg)
            return Result(MarkedNo3tg, $"marked not containing 3TG: {product.ProductNo3tgReason}",
                $"{Words(MarkedNo3tg)}: {product.ProductNo3tgReason}", []);
        if (parts.Count == 0)
        {
            const string noBom = "no bill of materials: no part of this product is known";
            return Result(Undetermined, noBom, $"{Words(Undetermined)}: {noBom}");
        }
        if (counted.Count == 0)
            return Result(No3tg, $"every part is marked not containing 3TG ({Count(parts.Count, "part")})", Words(No3tg));

        var unsettled = counted.Where(c => c.Part.Open || c.Part.Determination == Undetermined).ToList();
        if (unsettled.Count > 0)
        {
            var because = $"the origin of the 3TG could not be determined for {Count(unsettled.Count, "part")}: " +
                string.Join("; ", unsettled.Select(c => $"part {c.Part.PartNumber}" +
                    (c.Part.SupplierName is null ? "" : $" from {c.Part.SupplierName}") + $": {c.Part.Why ?? "origin undetermined"}"));
            return Result(Undetermined, because, $"{Words(Undetermined)}: {because}");
        }
        var scopes = Scopes(counted.Select(c => c.Part).ToList());
        if (counted.All(c => c.Part.Determination == No3tg))
            return Result(No3tg, $"the CMRTs covering all {Count(counted.Count, "part")} declare no 3TG ({scopes})", Words(No3tg));

        var withTg = counted.Where(c => c.Part.Determination != No3tg).ToList();
        var conformant = withTg.Where(c => c.Part.Determination == CoveredCountriesConformant).ToList();
        if (conformant.Count > 0)
            return Result(CoveredCountriesConformant,
                $"the 3TG of {string.Join(", ", conformant.Select(c => $"part {c.Part.PartNumber} ({c.Part.SupplierName})"))} comes from the covered " +
                $"countries through conformant smelters; every other part's 3TG is accounted for ({scopes})", Words(CoveredCountriesConformant));
        if (withTg.All(c => c.Part.Determination == RecycledOrScrap))
            return Result(RecycledOrScrap, $"the CMRTs covering its parts declare the 3TG recycled or scrap ({scopes})", Words(RecycledOrScrap));
        return Result(NotFromCoveredCountries, $"the CMRTs covering its parts declare the 3TG not from the covered countries ({scopes})",
            Words(NotFromCoveredCountries));
    }

    private static string Scopes(IReadOnlyList<PartCoverage> parts)
    {
        var product = parts.Count(p => p.Scope == "product");
        var company = parts.Count(p => p.Scope == "company");
        return (product, company) switch
        {
            (> 0, 0) => $"{Count(product, "part")} at product level",
            (0, > 0) => $"{Count(company, "part")} at company level",
            _ => $"{Count(product, "part")} at product level, {company} at company level",
        };
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
