using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading.Layout;
using Workflow.Cmrt.Reading.Smelters;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>
/// Reads a CMRT of any supported version and physical form into a <see cref="CmrtDeclaration"/>. Never throws for
/// bad input: every failure becomes <see cref="CmrtReadResult.Unreadable"/> with a specific message.
/// </summary>
public static class CmrtReader
{
    private const string DeclarationSheet = "Declaration";
    private const string SmelterListSheet = "Smelter List";
    private const string ProductListSheet = "Product List";
    private const int DeclarationLastRow = 140;

    /// <summary>Sheets loaded in the single forward pass over an OLE2 workbook, with the last column needed from each.</summary>
    private static readonly Dictionary<string, int> Ole2Sheets = new(StringComparer.OrdinalIgnoreCase)
    {
        [DeclarationSheet] = 10, [SmelterListSheet] = 20, [ProductListSheet] = 4, ["Revision"] = 5,
        ["Smelter Look-up"] = 9, ["Smelter Reference List"] = 9, ["Standard Smelter Names"] = 5, ["K"] = 7,
        ["Smelter and Mine List"] = 1,
    };

    public static CmrtReadResult Read(string path, CmrtReaderOptions? options = null)
    {
        try
        {
            using var file = File.OpenRead(path);
            return Read(file, options);
        }
        catch (IOException e) { return CmrtReadResult.Unreadable($"The file could not be opened: {e.Message}"); }
        catch (UnauthorizedAccessException e) { return CmrtReadResult.Unreadable($"The file could not be opened: {e.Message}"); }
    }

    public static CmrtReadResult Read(Stream stream, CmrtReaderOptions? options = null)
    {
        options ??= CmrtReaderOptions.Default;
        var budget = new ReadBudget(options);
        try
        {
            var buffer = Buffer(stream, options.MaxFileBytes);
            if (buffer.Length == 0) return CmrtReadResult.Unreadable("The file is empty.");
            var form = PhysicalFormSniffer.Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(8, buffer.Length)));
            using IWorkbook workbook = form switch
            {
                PhysicalForm.Zip => new OoxmlWorkbook(buffer, budget),
                PhysicalForm.Ole2 => OpenOle2(buffer, budget, options),
                _ => throw new UnreadableWorkbookException("The file is not an Excel workbook (its content is neither .xlsx nor .xls, whatever its name says)."),
            };
            return ReadWorkbook(workbook, options);
        }
        catch (Exception e) when (ReadFailures.Describe(e) is { } message) { return CmrtReadResult.Unreadable(message); }
    }

    /// <summary>
    /// Encrypted .xlsx with Standard encryption is decrypted here and read on the fast path; BIFF8 .xls and other
    /// encryption forms go through ExcelDataReader.
    /// </summary>
    private static IWorkbook OpenOle2(MemoryStream buffer, ReadBudget budget, CmrtReaderOptions options)
    {
        byte[]? plain = null;
        try
        {
            var compound = CompoundFile.Open(buffer.ToArray());
            if (compound.Read("EncryptionInfo") is { } info && compound.Read("EncryptedPackage") is { } package)
                plain = StandardEncryption.TryDecrypt(info, package, options.DefaultPassword);
        }
        catch (UnreadableWorkbookException e) when (!e.Message.Contains("password", StringComparison.Ordinal))
        {
            // A container this minimal parser rejects may still open in ExcelDataReader, which reports its own errors.
            plain = null;
        }
        if (plain is not null && PhysicalFormSniffer.Sniff(plain) == PhysicalForm.Zip)
            return new OoxmlWorkbook(new MemoryStream(plain), budget);
        buffer.Position = 0;
        return new Ole2Workbook(buffer, budget, name => Ole2Sheets.TryGetValue(name, out var c) ? c : null);
    }

    private static MemoryStream Buffer(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes) throw TooLarge(maxBytes);
        var buffer = new MemoryStream(stream.CanSeek ? (int)(stream.Length - stream.Position) : 1 << 20);
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, n);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static UnreadableWorkbookException TooLarge(long maxBytes) =>
        new($"The file is larger than {maxBytes / (1024 * 1024)} MB; a CMRT is normally under 5 MB.");

    private static CmrtReadResult ReadWorkbook(IWorkbook workbook, CmrtReaderOptions options)
    {
        var declarationSheet = workbook.Sheet(DeclarationSheet, 10, DeclarationLastRow);
        if (declarationSheet is null)
        {
            return workbook.SheetNames.Contains("Smelter and Mine List", StringComparer.OrdinalIgnoreCase)
                ? CmrtReadResult.Unreadable("This is a CMRT version 1 (2011), which is no longer supported; please use CMRT 6.x.", "CMRT", "1")
                : CmrtReadResult.Unreadable("The workbook has no 'Declaration' sheet, so it is not a CMRT (or its sheets were renamed).");
        }

        var template = VersionDetector.DetectTemplate(declarationSheet, workbook.SheetNames);
        if (template != "CMRT")
            return CmrtReadResult.Unreadable($"This workbook is an {template}, not a CMRT; only CMRT declarations are read here.", template);

        var version = VersionDetector.FromDeclaration(declarationSheet)
            ?? VersionDetector.FromSmelterList(workbook.Sheet(SmelterListSheet, 17, 3))
            ?? VersionDetector.FromRevisionSheet(workbook.Sheet("Revision", 5));
        if (version is null)
            return CmrtReadResult.Unreadable("The CMRT version could not be determined (Declaration!J3 has no 'Revision' text).", template);

        var family = VersionDetector.FamilyOf(version);
        if (family is < 2 or > 6)
            return CmrtReadResult.Unreadable($"CMRT version {version} is not supported; please use CMRT 6.x.", template, version);

        CmrtLayout layout;
        try { layout = CmrtLayouts.ByAddress(family, version) ?? StructuralLayoutProbe.Find(declarationSheet, family); }
        catch (UnreadableWorkbookException e) { return CmrtReadResult.Unreadable(e.Message, template, version); }

        var smelterSheet = workbook.Sheet(SmelterListSheet, layout.Smelters.Last);
        if (smelterSheet is null)
            return CmrtReadResult.Unreadable("The workbook has no 'Smelter List' sheet; the template was altered.", template, version);

        WorkbookLookup? lookup = null;
        // The look-up sheets are large; only rows with missing cached values pay for reading them.
        WorkbookLookup Lookup() => lookup ??= WorkbookLookup.Load(workbook, family);

        var scopeRaw = declarationSheet.Text(layout.Fields.Scope, 4);
        var scopeDescription = declarationSheet.Text(layout.Fields.ScopeDescription, 4);
        var company = DeclarationMapper.Company(declarationSheet, layout.Fields, workbook.Date1904);
        var metals = DeclarationMapper.Metals(declarationSheet, layout);
        var companyQuestions = DeclarationMapper.CompanyQuestions(declarationSheet, layout);
        var products = DeclarationMapper.Products(workbook.Sheet(ProductListSheet, 4));
        var empty = EmptyTemplate.Is(company, scopeRaw, scopeDescription, metals, companyQuestions, products);
        // A blank Q1 counts as "in scope" for a half-filled template; an untouched one declares nothing.
        if (empty) metals = metals.Select(m => m with { InScope = false }).ToList();
        var declaration = new CmrtDeclaration
        {
            Template = template,
            Version = version,
            Family = family,
            Language = declarationSheet.Text(3, 4),
            Company = company,
            Scope = DeclarationMapper.Scope(scopeRaw, family),
            ScopeRaw = scopeRaw,
            ScopeDescription = scopeDescription,
            Metals = metals,
            CompanyQuestions = companyQuestions,
            Smelters = SmelterListReader.Read(smelterSheet, layout.Smelters, Lookup, options.ReferenceList),
            Products = products,
            IsEmptyTemplate = empty,
        };
        return CmrtReadResult.Read(declaration);
    }
}
