namespace Workflow.Application.Queries;

/// <summary>
/// Page numbers from a query string are anything a browser or a probe sends: below 1 means the first page, past the
/// end means the last one, and the offset is computed without overflowing.
/// </summary>
public static class Paging
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (int)((total + (long)pageSize - 1) / pageSize));

    public static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));

    public static long Offset(int page, int pageSize) => (Math.Max(1, page) - 1L) * pageSize;
}
