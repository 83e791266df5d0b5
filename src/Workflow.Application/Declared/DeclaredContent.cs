using System.Globalization;
using Workflow.Application.Queries;
using Workflow.Cmrt.Model;
using Workflow.Rules.Policies;

namespace Workflow.Application.Declared;

public sealed record CompanyField(string Key, string Label, string? Value, IReadOnlyList<FindingLine> Findings);

public sealed record MetalCell(Metal Metal, AnswerCell? Answer, IReadOnlyList<FindingLine> Findings);

/// <summary>One per-metal question across the four metals; <see cref="Number"/> is the template's own ("Q3").</summary>
public sealed record MetalQuestionRow(DeclaredQuestion Question, string? Number, IReadOnlyList<MetalCell> Cells)
{
    public IEnumerable<(Metal Metal, FindingLine Finding)> Findings => Cells.SelectMany(c => c.Findings.Select(f => (c.Metal, f)));
}

public sealed record CompanyQuestionRow(DeclaredQuestion Question, AnswerCell Answer, IReadOnlyList<FindingLine> Findings);

/// <summary>One Smelter List row with the evaluation's reference status for it (null status: the metal is not in scope).</summary>
public sealed record DeclaredSmelter(int RowNumber, string Metal, string? Name, string? Cid, string? Country, string Status, bool RedFlag,
    IReadOnlyList<FindingLine> Findings)
{
    /// <summary>Identifies "the same smelter" across two submissions: the CID, else the name.</summary>
    public string Identity => $"{Metal.ToLowerInvariant()}|{(Cid is { Length: > 0 } ? Cid.ToUpperInvariant() : (Name ?? "").Trim().ToLowerInvariant())}";
    public string StatusWords => SmelterStatusWords.For(Status);
    public bool NeedsAttention => RedFlag || Findings.Count > 0;
}

public sealed record DeclaredProduct(int RowNumber, string Number, string? Name, string? Comments, IReadOnlyList<FindingLine> Findings);

/// <summary>
/// A submission's declared content laid out for reading, with each finding of its current evaluation placed once:
/// beside the field, answer, smelter or product row it is about, or, when it is about none (the file, the whole
/// sheet), in <see cref="Unplaced"/>.
/// </summary>
public sealed record DeclaredContent(
    IReadOnlyList<CompanyField> Company,
    IReadOnlyList<MetalQuestionRow> MetalQuestions,
    IReadOnlyList<CompanyQuestionRow> CompanyQuestions,
    IReadOnlyList<DeclaredSmelter> Smelters,
    IReadOnlyList<FindingLine> SmelterListFindings,
    IReadOnlyList<DeclaredProduct> Products,
    IReadOnlyList<FindingLine> ProductListFindings,
    IReadOnlyList<FindingLine> Unplaced)
{
    public static DeclaredContent Build(CmrtDeclaration d, IReadOnlyList<FindingLine> findings, IReadOnlyList<AssessedSmelter> assessed)
    {
        var placed = new Dictionary<string, List<FindingLine>>(StringComparer.Ordinal);
        var byLocation = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in d.Metals)
            foreach (var q in DeclaredQuestions.PerMetal)
                if (q.PerMetal!(m) is { } cell) byLocation.TryAdd(cell.Location, $"metal:{q.Key}:{m.Metal}");
        foreach (var q in DeclaredQuestions.CompanyLevel)
            if (q.Company!(d.CompanyQuestions) is { } cell) byLocation.TryAdd(cell.Location, $"company-q:{q.Key}");
        var smelterRows = d.Smelters.Select(s => s.RowNumber).ToHashSet();
        var productRows = d.Products.Select(p => p.RowNumber).ToHashSet();
        var unplaced = new List<FindingLine>();
        foreach (var f in findings)
        {
            var key = Place(f, byLocation, smelterRows, productRows);
            if (key is null) unplaced.Add(f);
            else (placed.TryGetValue(key, out var list) ? list : placed[key] = []).Add(f);
        }
        IReadOnlyList<FindingLine> At(string key) => placed.GetValueOrDefault(key) ?? (IReadOnlyList<FindingLine>)[];

        var company = CompanyFields(d).Select(c => c with { Findings = At("company:" + c.Key) }).ToList();
        var metalQuestions = DeclaredQuestions.PerMetal
            .Select(q => new MetalQuestionRow(q, d.Metals.Select(m => q.PerMetal!(m)?.Question).FirstOrDefault(n => n is not null),
                DeclaredQuestions.MetalOrder.Select(metal => new MetalCell(metal, q.PerMetal!(d.For(metal)), At($"metal:{q.Key}:{metal}"))).ToList()))
            .Where(r => r.Cells.Any(c => c.Answer is not null))
            .ToList();
        var companyQuestions = DeclaredQuestions.CompanyLevel
            .Select(q => q.Company!(d.CompanyQuestions) is { } cell ? new CompanyQuestionRow(q, cell, At("company-q:" + q.Key)) : null)
            .OfType<CompanyQuestionRow>()
            .ToList();
        var smelters = SmelterRows(d, assessed, row => At("smelter:" + row));
        var products = d.Products.Select(p => new DeclaredProduct(p.RowNumber, p.Number, p.Name, p.Comments, At("product:" + p.RowNumber))).ToList();
        return new DeclaredContent(company, metalQuestions, companyQuestions, smelters, At("smelters"), products, At("products"), unplaced);
    }

    /// <summary>Every placed finding with the page anchor of its row and a short label of what it is about.</summary>
    public IEnumerable<(string Anchor, string Label, FindingLine Finding)> Index()
    {
        foreach (var f in Unplaced) yield return ("declared-file", "the file as a whole", f);
        foreach (var c in Company) foreach (var f in c.Findings) yield return ($"declared-company-{c.Key}", c.Label, f);
        foreach (var q in MetalQuestions) foreach (var (metal, f) in q.Findings)
            yield return ($"declared-q-{q.Question.Key}", $"{DeclaredQuestions.MetalName(metal)}: {q.Question.Text}", f);
        foreach (var q in CompanyQuestions) foreach (var f in q.Findings) yield return ($"declared-cq-{q.Question.Key}", $"The company: {q.Question.Text}", f);
        foreach (var f in SmelterListFindings) yield return ("declared-smelters", "the Smelter List", f);
        foreach (var s in Smelters) foreach (var f in s.Findings)
            yield return ($"declared-smelter-{s.RowNumber}", $"Smelter List row {s.RowNumber}: {s.Name ?? "unnamed"}{(s.Cid is null ? "" : $" ({s.Cid})")}", f);
        foreach (var f in ProductListFindings) yield return ("declared-products", "the Product List", f);
        foreach (var p in Products) foreach (var f in p.Findings) yield return ($"declared-product-{p.RowNumber}", $"Product List row {p.RowNumber}: {p.Number}", f);
    }

    /// <summary>Where a finding belongs, by its code for the company fields (whose cells move between versions), else by its cell.</summary>
    private static string? Place(FindingLine f, Dictionary<string, string> byLocation, HashSet<int> smelterRows, HashSet<int> productRows)
    {
        switch (f.Code)
        {
            case "CMRT-REQ-COMPANY-NAME": return "company:name";
            case "CMRT-REQ-SCOPE" or "CMRT-SCOPE-NOT-ALLOWED" or "CMRT-REQ-SCOPE-DESCRIPTION": return "company:scope";
            case "CMRT-REQ-CONTACT-NAME" or "CMRT-REQ-CONTACT-EMAIL" or "CMRT-REQ-CONTACT-PHONE": return "company:contact";
            case "CMRT-REQ-AUTHORIZER" or "CMRT-REQ-AUTHORIZER-EMAIL" or "CMRT-REQ-AUTHORIZER-PHONE": return "company:authoriser";
            case "CMRT-EMAIL-INVALID": return f.Location.EndsWith("D20", StringComparison.OrdinalIgnoreCase) ? "company:authoriser" : "company:contact";
            case "CMRT-REQ-EFFECTIVE-DATE" or "CMRT-DATE-INVALID" or "CMRT-DATE-IN-FUTURE" or "CMRT-DATE-BEFORE-2007": return "company:date";
            case "CMRT-POLICY-URL-MISSING": return "company-q:policy-public";
        }
        if (byLocation.TryGetValue(f.Location, out var key)) return key;
        if (f.Location.Equals("Smelter List", StringComparison.OrdinalIgnoreCase)) return "smelters";
        if (RowOf(f.Location, "Smelter List!") is { } s) return smelterRows.Contains(s) ? "smelter:" + s : "smelters";
        if (RowOf(f.Location, "Product List!") is { } p) return productRows.Contains(p) ? "product:" + p : "products";
        if (f.Location.Equals("Product List", StringComparison.OrdinalIgnoreCase)) return "products";
        // Policy findings about the declaration as a whole point at its scope cell.
        if (f.Location.Equals("Declaration!D9", StringComparison.OrdinalIgnoreCase)) return "company:scope";
        return null;
    }

    /// <summary>The row of "Sheet!D17" or "Sheet!17:17".</summary>
    private static int? RowOf(string location, string sheet)
    {
        if (!location.StartsWith(sheet, StringComparison.OrdinalIgnoreCase)) return null;
        var cell = location[sheet.Length..].TrimStart('$');
        var digits = new string(cell.SkipWhile(char.IsAsciiLetter).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
    }

    private static IEnumerable<CompanyField> CompanyFields(CmrtDeclaration d)
    {
        var c = d.Company;
        yield return new("name", "Company name", c.Name, []);
        var scope = d.ScopeRaw ?? (d.Scope == DeclarationScope.Missing ? null : d.Scope.ToString());
        yield return new("scope", "Declaration scope", Join(" — ", scope, d.ScopeDescription), []);
        yield return new("identifier", "Company identifier", Join(" — ", c.UniqueId, c.UniqueIdAuthority), []);
        yield return new("address", "Address", c.Address, []);
        yield return new("contact", "Contact", Join(" · ", c.ContactName, c.ContactEmail, c.ContactPhone), []);
        yield return new("authoriser", "Authoriser", Join(" · ", Join(", ", c.AuthorizerName, c.AuthorizerTitle), c.AuthorizerEmail, c.AuthorizerPhone), []);
        yield return new("date", "Effective date", c.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? c.EffectiveDateRaw, []);
        yield return new("version", "CMRT version", Join(" · ", $"{d.Template} {d.Version}", d.Language), []);
    }

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }

    /// <summary>
    /// Rows with the evaluation's status. The policy assesses the rows of metals in scope in list order, so they pair
    /// by position; should the counts differ (an evaluation from an older reader), by metal and CID.
    /// </summary>
    private static List<DeclaredSmelter> SmelterRows(CmrtDeclaration d, IReadOnlyList<AssessedSmelter> assessed, Func<int, IReadOnlyList<FindingLine>> findingsOf)
    {
        var inScope = d.SmeltersInScope.ToList();
        var byRow = new Dictionary<int, AssessedSmelter>();
        if (inScope.Count == assessed.Count)
            for (var i = 0; i < inScope.Count; i++) byRow[inScope[i].RowNumber] = assessed[i];
        else
        {
            var byCid = assessed.Where(a => a.Cid is not null).GroupBy(a => (a.Metal.ToLowerInvariant(), a.Cid!)).ToDictionary(g => g.Key, g => g.First());
            foreach (var row in inScope)
                if (row.Cid is { } cid && byCid.TryGetValue(((row.Metal?.ToString() ?? "").ToLowerInvariant(), cid), out var a)) byRow[row.RowNumber] = a;
        }
        var inScopeRows = inScope.Select(r => r.RowNumber).ToHashSet();
        return d.Smelters.Select(row =>
        {
            var a = byRow.GetValueOrDefault(row.RowNumber);
            var findings = findingsOf(row.RowNumber);
            var status = a?.Status ?? (inScopeRows.Contains(row.RowNumber) ? "not-assessed" : "out-of-scope");
            return new DeclaredSmelter(row.RowNumber, row.Metal?.ToString() ?? a?.Metal ?? row.MetalRaw ?? "no metal",
                a?.Name ?? row.Name ?? row.LookupName, a?.Cid ?? row.Cid ?? row.IdRaw, CountryName(a?.Country ?? row.Country), status,
                (a?.RedFlag ?? false) || findings.Any(f => f.Severity == "RedFlag"), findings);
        }).ToList();
    }

    /// <summary>One spelling per country ("Deutschland", "DE" and "Germany" all read "Germany"); unrecognised text as typed.</summary>
    public static string? CountryName(string? country) =>
        Countries.Resolve(country) is { } code ? Countries.NameOf(code) : country;
}

/// <summary>The Step 4 status words of an assessment, as a compliance manager says them.</summary>
public static class SmelterStatusWords
{
    public static string For(string status) => status switch
    {
        "conformant" => "RMAP conformant",
        "active" => "active in RMAP (audit under way)",
        "not-audited" => "on the reference list, not audited",
        "unknown" => "on the reference list, no audit status",
        "not-listed" => "not in the reference list",
        "not-yet-identified" => "not yet identified by the supplier",
        "out-of-scope" => "not assessed: metal declared out of scope",
        "not-assessed" => "not assessed",
        _ => status,
    };
}
