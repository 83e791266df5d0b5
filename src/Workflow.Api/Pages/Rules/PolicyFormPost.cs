using Workflow.Application.Policies;
using Workflow.Rules.Policies;

namespace Workflow.Api.Pages.Rules;

/// <summary>Reads the policy form's fields into <see cref="PolicyFormValues"/>, raw: the policy parser judges them.</summary>
public static class PolicyFormPost
{
    // Bounds the rows read from a hostile post; a real concern list is a handful of smelters.
    private const int MaxConcernRows = 1000;

    public static PolicyFormValues Read(IFormCollection form)
    {
        var rows = new List<ConcernRow>();
        for (var i = 0; i < MaxConcernRows && (form.ContainsKey($"concernList[{i}].cid") || form.ContainsKey($"concernList[{i}].reason")); i++)
            rows.Add(new ConcernRow(form[$"concernList[{i}].cid"].ToString(), form[$"concernList[{i}].reason"].ToString()));
        var other = form["otherAuditStatuses"].ToString().Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PolicyFormValues
        {
            Version = form["version"].ToString().Trim(),
            Extends = form["extends"].ToString() is { Length: > 0 } e ? e.Trim() : null,
            Description = form["description"].ToString(),
            CoveredCountries = Values(form, "coveredCountries"),
            CahraCountries = Values(form, "cahraCountries"),
            AcceptableAuditStatuses = Values(form, "acceptableAuditStatuses").Concat(other).ToList(),
            ConcernList = rows,
            StrongProgramCriteria = Values(form, "strongProgramCriteria"),
            MinimumSupplierResponseRate = form["minimumSupplierResponseRate"].ToString(),
            RedFlags = RedFlags.All.ToDictionary(f => f, f => form[$"redFlags.{f}"].ToString(), StringComparer.Ordinal),
        };
    }

    private static List<string> Values(IFormCollection form, string key) =>
        form[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
