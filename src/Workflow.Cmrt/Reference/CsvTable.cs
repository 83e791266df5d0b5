using System.Text;

namespace Workflow.Cmrt.Reference;

/// <summary>A small RFC 4180 reader (quotes, doubled quotes, CRLF) for the reference-list CSV files.</summary>
public static class CsvTable
{
    /// <summary>Rows of fields; more than <paramref name="maxRows"/> rows throws <see cref="InvalidDataException"/>.</summary>
    public static List<string[]> Parse(TextReader reader, int maxRows = int.MaxValue)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    if (rows.Count == maxRows) throw new InvalidDataException($"The file has more than {maxRows:N0} rows; no smelter list is that long.");
                    fields.Add(field.ToString()); field.Clear(); rows.Add([.. fields]); fields.Clear();
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add([.. fields]); }
        return rows;
    }

    /// <summary>Reads UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the CFSI-era lists are 1252).</summary>
    public static List<string[]> ParseFile(string path) => Parse(new StringReader(DecodeText(File.ReadAllBytes(path))));

    public static string DecodeText(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
