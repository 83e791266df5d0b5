using Workflow.Cmrt.Evaluation;

namespace Workflow.Rules.Assessment;

/// <summary>
/// A stable order for policy findings (the engine's firing order is not a contract): by OECD step, then sheet and row
/// as a reader scans the workbook, then code.
/// </summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = (x.OecdStep ?? 0).CompareTo(y.OecdStep ?? 0);
        if (c != 0) return c;
        c = string.Compare(Sheet(x.Location), Sheet(y.Location), StringComparison.Ordinal);
        if (c != 0) return c;
        c = Row(x.Location).CompareTo(Row(y.Location));
        if (c != 0) return c;
        c = string.Compare(x.Location, y.Location, StringComparison.Ordinal);
        return c != 0 ? c : string.Compare(x.Code, y.Code, StringComparison.Ordinal);
    }

    private static string Sheet(string location)
    {
        var bang = location.IndexOf('!');
        return bang < 0 ? location : location[..bang];
    }

    private static int Row(string location)
    {
        var bang = location.IndexOf('!');
        var n = 0;
        for (var i = bang + 1; i < location.Length; i++)
        {
            var ch = location[i];
            if (char.IsDigit(ch)) n = n * 10 + (ch - '0');
            else if (n > 0) break;
        }
        return n;
    }
}
