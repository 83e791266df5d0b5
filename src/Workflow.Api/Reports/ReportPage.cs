using System.Net;
using System.Text;
using Workflow.Infrastructure.Reports;

namespace Workflow.Api.Reports;

/// <summary>The campaign report as a plain server-rendered page: a heading and a table per section, nothing to load.</summary>
public static class ReportPage
{
    public static string Render(CampaignReport report, IReadOnlyList<AppendixARow> appendix)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report: ").Append(E(report.CampaignName)).Append("</title>")
          .Append("<link rel=\"stylesheet\" href=\"/css/report.css\"></head><body>\n")
          .Append("<h1>Conflict Minerals Report figures: ").Append(E(report.CampaignName)).Append("</h1>\n");
        var id = report.CampaignId;
        sb.Append($"<p>Downloads: <a href=\"/api/campaigns/{id}/report.csv\">report.csv</a> · <a href=\"/api/campaigns/{id}/report.xlsx\">report.xlsx</a> · ")
          .Append($"<a href=\"/api/campaigns/{id}/appendix-a.csv\">appendix-a.csv</a> · <a href=\"/api/campaigns/{id}/appendix-a.xlsx\">appendix-a.xlsx</a> · ")
          .Append($"<a href=\"/api/campaigns/{id}/rollup-cmrt.xlsx\">roll-up CMRT</a></p>\n");

        sb.Append("<h2>Summary</h2>\n<ul>\n");
        foreach (var s in report.Summary) sb.Append("<li>").Append(E(s)).Append("</li>\n");
        sb.Append("</ul>\n");

        foreach (var section in ReportTable.Lines(report).Where(l => l.Section is not ("Summary" or "Red-flag smelters")).GroupBy(l => l.Section))
        {
            sb.Append("<h2>").Append(E(section.Key)).Append("</h2>\n<table><tr><th>Figure</th><th>Value</th></tr>\n");
            foreach (var l in section) sb.Append("<tr><td>").Append(E(l.Figure)).Append("</td><td>").Append(E(ReportTable.Text(l.Value))).Append("</td></tr>\n");
            sb.Append("</table>\n");
        }

        sb.Append("<h2>Red-flag smelters</h2>\n<table><tr><th>CID</th><th>Metal</th><th>Smelter</th><th>Country</th><th>Reasons</th><th>Named by</th></tr>\n");
        foreach (var s in report.RedFlagSmelters)
            sb.Append("<tr><td>").Append(E(s.Cid)).Append("</td><td>").Append(E(s.Metal)).Append("</td><td>").Append(E(s.Name)).Append("</td><td>")
              .Append(E(s.Country)).Append("</td><td>").Append(E(string.Join("; ", s.Reasons))).Append("</td><td>").Append(E(string.Join("; ", s.Suppliers))).Append("</td></tr>\n");
        sb.Append("</table>\n");

        sb.Append("<h2>Appendix A: smelters and refiners named by suppliers</h2>\n<table><tr><th>Metal</th><th>Standard Smelter Name</th><th>Smelter Facility Location</th></tr>\n");
        foreach (var r in appendix)
            sb.Append("<tr><td>").Append(E(r.Metal)).Append("</td><td>").Append(E(r.StandardSmelterName)).Append("</td><td>").Append(E(r.SmelterFacilityLocation)).Append("</td></tr>\n");
        sb.Append("</table>\n</body></html>\n");
        return sb.ToString();
    }
}
