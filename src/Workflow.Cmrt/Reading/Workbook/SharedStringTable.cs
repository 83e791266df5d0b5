using System.Text;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>
/// The shared-string part, indexed once by the offsets of its &lt;si&gt; items and decoded only for the strings a
/// reader actually uses: a template holds ~16,000 strings (every label in ten languages), a CMRT reader needs ~100.
/// </summary>
internal sealed class SharedStringTable(byte[] xml, int length, List<(int Start, int End)> items)
{
    private readonly string?[] _decoded = new string?[items.Count];

    public int Count => items.Count;

    public static SharedStringTable Index(byte[] xml, int length, int maxItems)
    {
        var span = xml.AsSpan(0, length);
        var items = new List<(int, int)>();
        var pos = 0;
        var start = -1;
        while (true)
        {
            var lt = span[pos..].IndexOf((byte)'<');
            if (lt < 0) break;
            pos += lt;
            if (span[pos..].StartsWith("<!DOCTYPE"u8) || span[pos..].StartsWith("<!ENTITY"u8))
                throw new UnreadableWorkbookException(
                    "The workbook contains an XML document type definition (DTD), which Excel never writes; it was rejected as unsafe.");
            var gt = span[pos..].IndexOf((byte)'>');
            if (gt < 0) throw new UnreadableWorkbookException("The workbook contains malformed XML in its shared strings; it may be damaged.");
            var tag = span.Slice(pos + 1, gt - 1);
            var closing = tag.Length > 0 && tag[0] == (byte)'/';
            var name = LocalName(closing ? tag[1..] : tag);
            if (name.SequenceEqual("si"u8))
            {
                if (closing) { if (start >= 0) items.Add((start, pos)); start = -1; }
                else if (tag[^1] == (byte)'/') items.Add((pos, pos));
                else start = pos + gt + 1;
                if (items.Count > maxItems)
                    throw new UnreadableWorkbookException($"The workbook has more than {maxItems} shared strings.");
            }
            pos += gt + 1;
        }
        return new SharedStringTable(xml, length, items);
    }

    public string? Get(int index)
    {
        if (index < 0 || index >= items.Count) return null;
        return _decoded[index] ??= Decode(items[index].Start, items[index].End);
    }

    /// <summary>Concatenates the &lt;t&gt; runs of one item, leaving out phonetic (&lt;rPh&gt;) runs.</summary>
    private string Decode(int start, int end)
    {
        var span = xml.AsSpan(0, length)[start..end];
        var sb = new StringBuilder();
        var pos = 0;
        var inPhonetic = false;
        while (pos < span.Length)
        {
            var lt = span[pos..].IndexOf((byte)'<');
            if (lt < 0) break;
            pos += lt;
            var gt = span[pos..].IndexOf((byte)'>');
            if (gt < 0) break;
            var tag = span.Slice(pos + 1, gt - 1);
            pos += gt + 1;
            var closing = tag.Length > 0 && tag[0] == (byte)'/';
            var name = LocalName(closing ? tag[1..] : tag);
            if (name.SequenceEqual("rPh"u8)) { inPhonetic = !closing && tag[^1] != (byte)'/'; continue; }
            if (closing || inPhonetic || !name.SequenceEqual("t"u8) || tag[^1] == (byte)'/') continue;
            var close = span[pos..].IndexOf((byte)'<');
            if (close < 0) break;
            sb.Append(XmlText.Decode(span.Slice(pos, close)));
            pos += close;
        }
        return sb.ToString();
    }

    private static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> tag)
    {
        var end = tag.IndexOfAny(" \t\r\n/"u8);
        var name = end < 0 ? tag : tag[..end];
        var colon = name.IndexOf((byte)':');
        return colon < 0 ? name : name[(colon + 1)..];
    }
}
