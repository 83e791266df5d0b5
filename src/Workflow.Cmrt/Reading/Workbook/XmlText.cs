using System.Globalization;
using System.Text;

namespace Workflow.Cmrt.Reading.Workbook;

/// <summary>UTF-8 text content with the five XML entities and character references decoded.</summary>
internal static class XmlText
{
    public static string Decode(ReadOnlySpan<byte> text)
    {
        var s = Encoding.UTF8.GetString(text);
        if (!s.Contains('&')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '&') { sb.Append(s[i]); continue; }
            var semi = s.IndexOf(';', i);
            if (semi < 0 || semi - i > 12) throw new UnreadableWorkbookException("The workbook contains malformed XML; it may be damaged.");
            var entity = s.AsSpan(i + 1, semi - i - 1);
            if (entity.SequenceEqual("amp")) sb.Append('&');
            else if (entity.SequenceEqual("lt")) sb.Append('<');
            else if (entity.SequenceEqual("gt")) sb.Append('>');
            else if (entity.SequenceEqual("quot")) sb.Append('"');
            else if (entity.SequenceEqual("apos")) sb.Append('\'');
            else if (entity.Length > 1 && entity[0] == '#' && TryCodePoint(entity[1..], out var cp)) sb.Append(char.ConvertFromUtf32(cp));
            else throw new UnreadableWorkbookException("The workbook contains malformed XML (an undeclared entity); it may be damaged.");
            i = semi;
        }
        return sb.ToString();
    }

    private static bool TryCodePoint(ReadOnlySpan<char> digits, out int codePoint)
    {
        codePoint = 0;
        var ok = digits.Length > 0 && (digits[0] is 'x' or 'X'
            ? int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out codePoint));
        return ok && codePoint is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);
    }
}
