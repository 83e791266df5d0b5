using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>Smelter List rows and Product List against the declared scope.</summary>
internal static class SmelterChecks
{
    public static void Run(CmrtDeclaration d, FindingList findings)
    {
        foreach (var row in d.Smelters)
        {
            var at = (string column) => $"Smelter List!{column}{row.RowNumber}";
            var args = (string column) => FindingList.Args(("sheet", "Smelter List"), ("row", row.RowNumber), ("cell", $"{column}{row.RowNumber}"),
                ("metal", row.Metal?.ToString().ToLowerInvariant()));
            if (row.Metal is null)
            {
                findings.Error(FindingCodes.SmelterMetalInvalid, at("B"),
                    row.MetalRaw is null
                        ? $"Smelter List row {row.RowNumber}: choose the metal (Tantalum, Tin, Gold or Tungsten) in column B."
                        : $"Smelter List row {row.RowNumber}: '{row.MetalRaw}' is not a metal of this template; choose Tantalum, Tin, Gold or Tungsten.",
                    CheckerRules.SmelterRows, row.MetalRaw is null ? args("B") : new Dictionary<string, string>(args("B")) { ["value"] = row.MetalRaw });
                continue;
            }
            switch (row.Kind)
            {
                case SmelterRowKind.NotListed when row.Name is null || row.Country is null:
                    findings.Error(FindingCodes.SmelterNotListedIncomplete, at(row.Name is null ? "D" : "E"),
                        $"Smelter List row {row.RowNumber} is marked \"Smelter not listed\": enter the smelter's name (column D) and country (column E).",
                        CheckerRules.SmelterNotListed, args(row.Name is null ? "D" : "E"));
                    break;
                case SmelterRowKind.NotYetIdentified:
                    findings.Warning(FindingCodes.SmelterNotYetIdentified, at("C"),
                        $"Smelter List row {row.RowNumber}: a {row.Metal} smelter is \"not yet identified\"; please follow up with your supplier and update the list.",
                        CheckerRules.SmelterIdentification, args("C"));
                    break;
                case SmelterRowKind.Listed when row.LookupName is null && row.Name is null && row.IdRaw is null:
                    findings.Error(FindingCodes.SmelterLookupMissing, at("C"),
                        $"Smelter List row {row.RowNumber}: choose the smelter from the drop-down in column C (or \"Smelter not listed\").",
                        CheckerRules.SmelterRows, args("C"));
                    break;
                default:
                    if (row.Cid is null)
                        findings.Warning(FindingCodes.SmelterUnmatched, at(row.Kind == SmelterRowKind.NotListed ? "D" : "C"),
                            $"Smelter List row {row.RowNumber}: '{row.Name ?? row.LookupName ?? row.IdRaw}' ({row.Metal}) could not be matched to a smelter on the reference list; add its smelter identification number (CID) if you know it.",
                            CheckerRules.SmelterIdentification,
                            new Dictionary<string, string>(args(row.Kind == SmelterRowKind.NotListed ? "D" : "C")) { ["name"] = row.Name ?? row.LookupName ?? row.IdRaw ?? "" });
                    break;
            }
        }

        var withRows = d.Smelters.Where(s => s.Metal is not null && (s.LookupName is not null || s.Name is not null || s.IdRaw is not null))
            .Select(s => s.Metal!.Value).ToHashSet();
        var missing = d.MetalsInScope.Where(m => !withRows.Contains(m)).Select(m => m.ToString().ToLowerInvariant()).ToList();
        // Every revision's Checker wants at least one smelter named; only 6.x asks for one per metal in scope.
        if (withRows.Count == 0 && missing.Count > 0)
            findings.Error(FindingCodes.SmelterListEmpty, "Smelter List",
                $"Your declaration says {Join(missing)} {(missing.Count == 1 ? "is" : "are")} in scope, but the Smelter List names no smelter: list the smelters in your supply chain on the Smelter List tab (or \"Smelter not yet identified\").",
                CheckerRules.SmelterListFilled, FindingList.Args(("sheet", "Smelter List"), ("metals", string.Join(",", missing))));
        else
            foreach (var metal in missing)
                findings.Error(FindingCodes.SmelterMissingForMetal, "Smelter List",
                    $"Your declaration says {metal} is in scope: list the {metal} smelters in your supply chain on the Smelter List tab (or \"Smelter not yet identified\").",
                    CheckerRules.SmelterPerMetal, FindingList.Args(("sheet", "Smelter List"), ("metal", metal)));
        var inScope = d.MetalsInScope.ToHashSet();
        foreach (var metal in withRows.Where(m => !inScope.Contains(m)).Order())
            findings.Warning(FindingCodes.SmelterMetalNotInScope, "Smelter List",
                $"The Smelter List names {metal.ToString().ToLowerInvariant()} smelters, but the Declaration says {metal.ToString().ToLowerInvariant()} is not in scope; check questions 1 and 2.",
                CheckerRules.Consistency, FindingList.Args(("sheet", "Smelter List"), ("metal", metal.ToString().ToLowerInvariant())));

        if (d.Scope == DeclarationScope.Product && d.Metals.Any(m => m.InScope) && d.Products.Count == 0)
            findings.Error(FindingCodes.ProductListMissing, "Product List!B6",
                "Your declaration scope is product level: list the products it covers on the Product List tab, starting in cell B6.",
                CheckerRules.ProductList, FindingList.Args(("sheet", "Product List"), ("cell", "B6")));
    }

    private static string Join(IReadOnlyList<string> metals) =>
        metals.Count == 1 ? metals[0] : string.Join(", ", metals.Take(metals.Count - 1)) + " and " + metals[^1];
}
