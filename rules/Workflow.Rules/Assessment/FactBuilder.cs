using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Rules.Facts;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Assessment;

/// <summary>
/// Turns a declaration into the facts the rules match. The reference list is joined onto each smelter row here, in
/// plain code with a dictionary look-up, because a Rete join of every row with every reference entry would be the
/// slowest part of the evaluation.
/// </summary>
public static class FactBuilder
{
    public static List<object> Build(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings,
        Policy policy, SmelterReferenceList referenceList, DateOnly asOf)
    {
        var facts = new List<object>(declaration.Smelters.Count + checkerFindings.Count + 8)
        {
            policy,
            new AsOf(asOf),
            new DeclarationFact
            {
                Version = declaration.Version,
                Family = declaration.Family,
                Scope = declaration.Scope,
                CompanyName = declaration.Company.Name,
            },
            declaration.CompanyQuestions,
        };
        foreach (var metal in declaration.Metals) facts.Add(new MetalFact(metal));
        var smelters = new List<SmelterFact>(declaration.Smelters.Count);
        // Rows of a metal put out of scope are already a checker warning; assessing them would put them in the report.
        foreach (var row in declaration.SmeltersInScope) smelters.Add(Smelter(row, referenceList));
        facts.AddRange(smelters);
        facts.Add(new SmelterList(smelters));
        foreach (var finding in checkerFindings) facts.Add(new CheckerFinding(finding));
        return facts;
    }

    public static SmelterFact Smelter(SmelterRow row, SmelterReferenceList referenceList)
    {
        var reference = row.Kind == SmelterRowKind.NotYetIdentified ? null : Find(row, referenceList);
        return new SmelterFact
        {
            Row = row,
            Reference = reference,
            CountryCode = Countries.Resolve(reference?.Country ?? row.Country),
            AuditStatus = AuditStatusClassifier.Classify(row, reference),
        };
    }

    /// <summary>
    /// By CID first; a reader that could not resolve a CID may still have a V2 ID or a name the list knows. A CID of a
    /// different metal is not a match: the row is then not a known smelter for that metal.
    /// </summary>
    private static SmelterReference? Find(SmelterRow row, SmelterReferenceList list)
    {
        var reference = list.ByCid(row.Cid) ?? list.ByCid(row.IdRaw) ?? list.ByV2Id(row.IdRaw);
        if (reference is null && row.Metal is { } metal)
            reference = list.ByName(metal, row.Name) ?? list.ByName(metal, row.LookupName);
        return reference is not null && row.Metal is { } m && reference.Metal != m ? null : reference;
    }
}
