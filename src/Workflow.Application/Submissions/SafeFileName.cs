using System.Text;

namespace Workflow.Application.Submissions;

/// <summary>
/// A file name built by the service from safe parts only, for downloads and export archives: the uploader's base
/// name (after the last / or \) reduced to letters and digits of any script, '-', '_' and '.', without leading dots,
/// at most 80 characters, with the extension of what the file really is.
/// </summary>
public static class SafeFileName
{
    private const int MaxStemLength = 80;

    public static string For(string? uploaded, string extension)
    {
        var name = uploaded ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var sb = new StringBuilder(Math.Min(stem.Length, MaxStemLength));
        foreach (var c in stem)
        {
            if (sb.Length == MaxStemLength) break;
            sb.Append(char.IsLetterOrDigit(c) || c is '-' or '_' || (c == '.' && sb.Length > 0) ? c : '_');
        }
        var safe = sb.ToString().Trim('_', '.');
        return (safe.Length == 0 ? "submission" : safe) + extension;
    }
}
