using System.Xml;

namespace Workflow.Application.Settings;

/// <summary>
/// Whether an uploaded logo may be stored and served: a PNG (by its signature) or an SVG with nothing active in it.
/// The logo appears on the supplier's page, served from our own origin, so an SVG that could run script or fetch
/// anything would be an attack on every supplier who opens a link.
/// </summary>
public static class LogoCheck
{
    public const int MaxBytes = 200 * 1024;
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Null when acceptable, else what is wrong, in words for the person uploading.</summary>
    public static string? Problem(string? contentType, byte[] data)
    {
        if (contentType is not (Png or Svg)) return $"The logo must be a PNG (image/png) or SVG (image/svg+xml) image, not '{contentType}'.";
        if (data.Length == 0) return "The logo file is empty.";
        if (data.Length > MaxBytes) return $"The logo is {data.Length / 1024} KB; at most {MaxBytes / 1024} KB is accepted.";
        return contentType == Png ? PngProblem(data) : SvgProblem(data);
    }

    private static string? PngProblem(byte[] data) =>
        data.AsSpan().StartsWith(PngSignature) ? null : "The file does not start with the PNG signature; it is not a PNG image.";

    private static string? SvgProblem(byte[] data)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data), settings);
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot && !string.Equals(reader.LocalName, "svg", StringComparison.Ordinal)) return "The file is XML but not an SVG image (its root is not <svg>).";
                sawRoot = true;
                if (reader.LocalName.Equals("script", StringComparison.OrdinalIgnoreCase)) return "The SVG contains a <script> element; logos may not contain script.";
                if (reader.LocalName.Equals("foreignObject", StringComparison.OrdinalIgnoreCase)) return "The SVG contains a <foreignObject> element; logos may not embed other documents.";
                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                        return $"The SVG has an event handler attribute ({reader.Name}); logos may not contain script.";
                    if (reader.LocalName.Equals("href", StringComparison.OrdinalIgnoreCase) && !reader.Value.TrimStart().StartsWith('#'))
                        return $"The SVG refers to something outside itself ({reader.Name}=\"{Shorten(reader.Value)}\"); only references within the file (#id) are allowed.";
                }
                reader.MoveToElement();
            }
            return sawRoot ? null : "The file holds no SVG element.";
        }
        catch (XmlException e)
        {
            return $"The SVG is not well-formed XML or declares a DTD ({e.Message}).";
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
