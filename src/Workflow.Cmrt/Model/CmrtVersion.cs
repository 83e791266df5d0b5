using System.Globalization;

namespace Workflow.Cmrt.Model;

/// <summary>
/// A template revision as a comparable number: "2.00" &lt; "2.03" &lt; "2.03a" &lt; "3.01" &lt; "4.01b" &lt; "6.1" &lt; "6.22" &lt; "6.5".
/// RMI prints one-digit minors as tenths ("6.1" is 6.10, "6.5" is 6.50), so a one-digit minor counts ten times.
/// </summary>
public readonly record struct CmrtVersion(int Major, int Minor, char Suffix = '\0') : IComparable<CmrtVersion>
{
    public static CmrtVersion Parse(string version) =>
        TryParse(version, out var parsed) ? parsed : throw new FormatException($"'{version}' is not a CMRT revision such as 2.03a or 6.5.");

    public static bool TryParse(string? version, out CmrtVersion parsed)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(version)) return false;
        var text = version.Trim().ToLowerInvariant();
        var suffix = text.Length > 0 && char.IsAsciiLetterLower(text[^1]) ? text[^1] : '\0';
        if (suffix != '\0') text = text[..^1];
        var parts = text.Split('.');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)) return false;
        var minor = 0;
        if (parts.Length == 2)
        {
            if (parts[1].Length is 0 or > 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor)) return false;
            if (parts[1].Length == 1) minor *= 10;
        }
        parsed = new CmrtVersion(major, minor, suffix);
        return true;
    }

    public int CompareTo(CmrtVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Suffix.CompareTo(other.Suffix);

    public static bool operator <(CmrtVersion a, CmrtVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(CmrtVersion a, CmrtVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(CmrtVersion a, CmrtVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(CmrtVersion a, CmrtVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor:00}{(Suffix == '\0' ? "" : Suffix.ToString())}");
}
