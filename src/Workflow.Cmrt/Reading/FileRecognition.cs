using System.IO.Compression;
using Workflow.Cmrt.Reading.Workbook;

namespace Workflow.Cmrt.Reading;

/// <summary>What an uploaded file is, from its bytes alone (never its name or the uploader's content type).</summary>
public enum RecognisedKind
{
    /// <summary>A zip holding xl/workbook.xml (or .bin): .xlsx, .xlsm, .xlsb.</summary>
    OoxmlWorkbook,
    /// <summary>An OLE2 compound file with a Workbook or Book stream: BIFF .xls.</summary>
    BiffWorkbook,
    /// <summary>An OLE2 compound file holding an encrypted OOXML package (a password-protected .xlsx).</summary>
    EncryptedWorkbook,
    /// <summary>A zip or compound file whose structure cannot be read: possibly a damaged workbook, left to the reader.</summary>
    DamagedContainer,
    /// <summary>Positively something else: a PDF, an image, a Word file, a zip of other things, text, nothing.</summary>
    NotAWorkbook,
}

/// <summary>What <see cref="FileRecognition"/> found, with the type and extension the service serves it under.</summary>
public sealed record RecognisedFile(RecognisedKind Kind, string Description, bool HasMacros = false)
{
    public bool IsWorkbook => Kind is not RecognisedKind.NotAWorkbook;

    /// <summary>The content type a download is served with: chosen here, never the uploader's.</summary>
    public string ContentType => Kind switch
    {
        RecognisedKind.OoxmlWorkbook when HasMacros => "application/vnd.ms-excel.sheet.macroEnabled.12",
        RecognisedKind.OoxmlWorkbook or RecognisedKind.EncryptedWorkbook => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        RecognisedKind.BiffWorkbook => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    };

    public string Extension => Kind switch
    {
        RecognisedKind.OoxmlWorkbook when HasMacros => ".xlsm",
        RecognisedKind.OoxmlWorkbook or RecognisedKind.EncryptedWorkbook => ".xlsx",
        RecognisedKind.BiffWorkbook => ".xls",
        _ => ".bin",
    };
}

/// <summary>
/// Tells a workbook from everything else before anything is stored or any case moves: a PDF or a photo sent by
/// mistake is refused on the spot with what it is, while a real workbook the reader cannot evaluate (an EMRT, an old
/// version, a real password) is still recorded with its finding.
/// </summary>
public static class FileRecognition
{
    private static ReadOnlySpan<byte> Pdf => "%PDF"u8;
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Gif => "GIF8"u8;
    private static ReadOnlySpan<byte> Rar => "Rar!"u8;
    private static ReadOnlySpan<byte> SevenZip => [(byte)'7', (byte)'z', 0xBC, 0xAF];

    public static RecognisedFile Recognise(byte[] content)
    {
        if (content.Length == 0) return Foreign("an empty file");
        return PhysicalFormSniffer.Sniff(content) switch
        {
            PhysicalForm.Zip => FromZip(content),
            PhysicalForm.Ole2 => FromCompoundFile(content),
            _ => Foreign(DescribeOther(content)),
        };
    }

    private static RecognisedFile FromZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries) names.Add(entry.FullName.Replace('\\', '/'));
            if (names.Contains("xl/workbook.xml") || names.Contains("xl/workbook.bin"))
                return new RecognisedFile(RecognisedKind.OoxmlWorkbook, "an Excel workbook", names.Contains("xl/vbaProject.bin"));
            if (names.Contains("word/document.xml")) return Foreign("a Word document");
            if (names.Contains("ppt/presentation.xml")) return Foreign("a PowerPoint presentation");
            if (names.Contains("content.xml") && names.Contains("mimetype")) return Foreign("an OpenDocument file (save it as .xlsx)");
            return Foreign("a zip archive without an Excel workbook in it");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return new RecognisedFile(RecognisedKind.DamagedContainer, "a damaged zip container");
        }
    }

    private static RecognisedFile FromCompoundFile(byte[] content)
    {
        try
        {
            var file = CompoundFile.Open(content);
            if (file.Has("Workbook") || file.Has("Book")) return new RecognisedFile(RecognisedKind.BiffWorkbook, "an Excel 97–2003 workbook");
            if (file.Has("EncryptedPackage")) return new RecognisedFile(RecognisedKind.EncryptedWorkbook, "a password-protected workbook");
            if (file.Has("WordDocument")) return Foreign("a Word 97–2003 document");
            if (file.Has("PowerPoint Document")) return Foreign("a PowerPoint 97–2003 presentation");
            return Foreign("an Office file without a workbook in it");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The minimal compound-file parser refuses what it cannot walk; the reader then says what is wrong.
            return new RecognisedFile(RecognisedKind.DamagedContainer, "a damaged Office container");
        }
    }

    private static string DescribeOther(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Pdf)) return "a PDF document";
        if (head.StartsWith(Png) || head.StartsWith(Jpeg) || head.StartsWith(Gif)) return "an image";
        if (head.StartsWith(Rar) || head.StartsWith(SevenZip) || head.StartsWith([(byte)0x1F, (byte)0x8B])) return "a compressed archive";
        var sample = head[..Math.Min(head.Length, 512)];
        return sample.IndexOf((byte)0) < 0 ? "a text file (a CSV or web page, for example)" : "not an Excel workbook";
    }

    private static RecognisedFile Foreign(string description) => new(RecognisedKind.NotAWorkbook, description);
}
