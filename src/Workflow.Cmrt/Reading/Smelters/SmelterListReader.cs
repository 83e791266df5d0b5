using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading.Layout;
using Workflow.Cmrt.Reading.Workbook;
using Workflow.Cmrt.Reference;

namespace Workflow.Cmrt.Reading.Smelters;

/// <summary>
/// Reads Smelter List rows and resolves each to a CID: the cached ID, else a V2 ID translated, else the workbook's own
/// look-up table (Metal + look-up name), else the reference list by name.
/// </summary>
internal static class SmelterListReader
{
    public static IReadOnlyList<SmelterRow> Read(SheetData sheet, SmelterColumns columns, Func<WorkbookLookup> lookup, SmelterReferenceList reference)
    {
        var rows = new List<SmelterRow>();
        for (var row = CmrtLayout.SmelterFirstRow; row <= sheet.MaxRow; row++)
        {
            string? Col(int c) => c == 0 ? null : sheet.Text(row, c);
            var metalRaw = Col(columns.Metal);
            var lookupName = Col(columns.Lookup);
            var name = Col(columns.Name);
            var country = Col(columns.Country);
            var idInput = Col(columns.IdInput);
            var idCached = Col(columns.Id);
            if (TemplateBlocks.StartAt(sheet, row, columns.Last)) break;
            if (metalRaw is null && lookupName is null && name is null && idInput is null && idCached is null) continue;

            var metal = MetalNames.TryParse(metalRaw);
            // 6.x fills Metal, name and country from a CID typed in column A by formulas whose cached values may be missing.
            if (metal is null && metalRaw is null && SmelterReferenceList.IsCid(idInput))
                metal = lookup().ById(idInput)?.Metal ?? reference.ByCid(idInput)?.Metal;
            var lookupKey = AnswerNormaliser.Key(lookupName);
            var kind = lookupKey switch
            {
                "smelternotlisted" => SmelterRowKind.NotListed,
                "smelternotyetidentified" => SmelterRowKind.NotYetIdentified,
                _ => SmelterRowKind.Listed,
            };
            var idRaw = idCached ?? idInput;
            string? cid = null;
            string? source = null;
            SmelterReference? match = null;

            if (SmelterReferenceList.IsCid(idRaw))
            {
                cid = idRaw!.Trim().ToUpperInvariant();
                source = "workbook";
                match = reference.ByCid(cid);
            }
            else if (SmelterReferenceList.IsV2Id(idRaw))
            {
                (cid, match) = TranslateV2(idRaw!, lookup, reference);
                source = cid is null ? null : "v2-translation";
            }

            if (cid is null && kind == SmelterRowKind.Listed && metal is not null)
            {
                var entry = lookup().Find(metal.Value, lookupName) ?? lookup().Find(metal.Value, name)
                    ?? lookup().FindSimilar(metal.Value, lookupName) ?? lookup().FindSimilar(metal.Value, name);
                if (entry is not null)
                {
                    name ??= entry.StandardName;
                    country ??= entry.Country;
                    if (SmelterReferenceList.IsCid(entry.Id)) { cid = entry.Id!.ToUpperInvariant(); source = "lookup-sheet"; match = reference.ByCid(cid); }
                    else if (SmelterReferenceList.IsV2Id(entry.Id))
                    {
                        idRaw ??= entry.Id;
                        (cid, match) = TranslateV2(entry.Id!, lookup, reference);
                        source = cid is null ? null : "v2-translation";
                    }
                    if (cid is null && reference.ByName(metal.Value, entry.StandardName) is { } byStandard)
                    {
                        (cid, match, source) = (byStandard.Cid, byStandard, "reference-name");
                    }
                }
            }

            if (cid is null && kind != SmelterRowKind.NotYetIdentified && metal is not null)
            {
                var byName = reference.ByName(metal.Value, kind == SmelterRowKind.NotListed ? name : lookupName) ?? reference.ByName(metal.Value, name);
                if (byName is not null) (cid, match, source) = (byName.Cid, byName, "reference-name");
                else if ((reference.BySimilarName(metal.Value, lookupName) ?? reference.BySimilarName(metal.Value, name)) is { } similar)
                    (cid, match, source) = (similar.Cid, similar, "reference-similar-name");
            }

            if (match is not null)
            {
                name ??= match.StandardName;
                country ??= match.Country;
            }
            if (cid is not null && (name is null || country is null) && lookup().ById(cid) is { } byId)
            {
                name ??= byId.StandardName;
                country ??= byId.Country;
            }

            rows.Add(new SmelterRow
            {
                RowNumber = row,
                Metal = metal,
                MetalRaw = metalRaw,
                Kind = kind,
                LookupName = lookupName,
                Name = name,
                Country = country,
                IdRaw = idRaw,
                Cid = cid,
                CidSource = source,
                Street = Col(columns.Street),
                City = Col(columns.City),
                StateProvince = Col(columns.State),
                ContactName = Col(columns.ContactName),
                ContactEmail = Col(columns.ContactEmail),
                NextSteps = Col(columns.NextSteps),
                MineName = Col(columns.MineName),
                MineCountry = Col(columns.MineCountry),
                RecycledOrScrap = Col(columns.Recycled),
                Comments = Col(columns.Comments),
            });
        }
        return rows;
    }

    private static (string? Cid, SmelterReference? Match) TranslateV2(string v2, Func<WorkbookLookup> lookup, SmelterReferenceList reference)
    {
        if (reference.ByV2Id(v2) is { } r) return (r.Cid, r);
        var cid = lookup().CidForV2(v2);
        return cid is null ? (null, null) : (cid, reference.ByCid(cid));
    }
}
