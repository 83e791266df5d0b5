using System.Text;
using Workflow.Cmrt.Reading;

namespace Workflow.Application.Grievances;

/// <summary>A file a reporter attached, as received.</summary>
public sealed record ConcernAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Which files a reporter may attach: PDF, PNG, JPEG, GIF, plain text and Office documents without macros, recognised
/// by their content (a name or a declared type proves nothing), each at most Uploads:MaxBytes.
/// </summary>
public static class ConcernAttachments
{
    public const string Accepted = "PDF, PNG, JPEG, GIF, plain text, Word or Excel documents without macros";

    /// <summary>
    /// A form body larger than this cannot hold only what is allowed (every file at its largest, with room for the
    /// fields and the multipart framing): it is refused before it is read.
    /// </summary>
    public static bool BodyTooLarge(long? contentLength, long maxBytes, int maxFiles) =>
        contentLength > (maxBytes + 64 * 1024) * Math.Max(1, maxFiles) + 256 * 1024;

    /// <summary>Null when the file is acceptable, else why not (the reporter reads this).</summary>
    public static string? Problem(ConcernAttachment file, long maxBytes)
    {
        var name = SafeName(file.FileName);
        if (file.Content.Length == 0) return $"'{name}' is empty.";
        if (file.Content.Length > maxBytes) return $"'{name}' is larger than {maxBytes / (1024 * 1024.0):0.#} MB.";
        return TypeOf(file.Content) is null ? $"'{name}' is not one of the accepted kinds of file ({Accepted})." : null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the file really has, or null when it is no accepted kind.</summary>
    public static string? TypeOf(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("%PDF"u8)) return "application/pdf";
        if (span.StartsWith(PngSignature)) return "image/png";
        if (span.StartsWith(JpegSignature)) return "image/jpeg";
        if (span.StartsWith("GIF8"u8)) return "image/gif";
        var recognised = FileRecognition.Recognise(content);
        if (recognised.Kind == RecognisedKind.OoxmlWorkbook && !recognised.HasMacros) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (recognised.Description == "a Word document") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return IsPlainText(content) ? "text/plain; charset=utf-8" : null;
    }

    /// <summary>The name without any folder, control characters or quotes; what we show and offer for download.</summary>
    public static string SafeName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && c is not '"' and not '<' and not '>').ToArray()).Trim();
        if (clean.Length > 120) clean = clean[..120];
        return clean.Length == 0 ? "attachment" : clean;
    }

    private static bool IsPlainText(byte[] content)
    {
        if (content.Contains((byte)0)) return false;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return true;
        }
        catch (DecoderFallbackException) { return false; }
    }
}
