using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workflow.BrowserTests.Support;

/// <summary>
/// axe-core's rules (WCAG 2.x A/AA and best practices) run inside Chromium on the page as it is; what fails a test is a
/// violation axe rates serious or critical: what keeps a screen-reader or keyboard user from doing the job.
/// </summary>
public static class Axe
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: " +
                         string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {Shorten(n.Html)}")))
            .ToList();
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 120 ? html : html[..120] + "…";
}
