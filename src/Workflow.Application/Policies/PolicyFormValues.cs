using System.Text.RegularExpressions;
using Workflow.Rules.Policies;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Workflow.Application.Policies;

/// <summary>One row of the concern list as the form holds it (a blank row is an unused slot, not an entry).</summary>
public sealed record ConcernRow(string Cid, string Reason)
{
    public bool IsBlank => Cid.Trim().Length == 0 && Reason.Trim().Length == 0;
}

/// <summary>
/// Every key of a policy as the form on the rules page edits it, raw as typed (a threshold is text until the parser
/// has judged it). <see cref="ToYaml"/> writes every key out, so the saved draft goes through exactly the validation
/// and storage a hand-written YAML draft does and inherits nothing by accident; <c>extends</c> only records lineage.
/// </summary>
public sealed partial record PolicyFormValues
{
    public required string Version { get; init; }
    public string? Extends { get; init; }
    public string? Description { get; init; }
    /// <summary>ISO alpha-2 codes.</summary>
    public required IReadOnlyList<string> CoveredCountries { get; init; }
    /// <summary>ISO alpha-2 codes.</summary>
    public required IReadOnlyList<string> CahraCountries { get; init; }
    /// <summary>Status words in <see cref="AuditStatusWords.Normalise"/> form.</summary>
    public required IReadOnlyList<string> AcceptableAuditStatuses { get; init; }
    /// <summary>In form order, blank rows included, so an error names the row the owner typed in.</summary>
    public required IReadOnlyList<ConcernRow> ConcernList { get; init; }
    /// <summary>In order: the order is part of the policy (criteria are listed to people in it).</summary>
    public required IReadOnlyList<string> StrongProgramCriteria { get; init; }
    public required string MinimumSupplierResponseRate { get; init; }
    /// <summary>Flag → escalate | warn | ignore.</summary>
    public required IReadOnlyDictionary<string, string> RedFlags { get; init; }

    /// <summary>The status words the reference lists use, offered as checkboxes; others go in a free text field.</summary>
    public static IReadOnlyList<(string Word, string Label)> KnownAuditStatuses { get; } =
    [
        ("conformant", "Conformant (RMAP)"), ("active", "Active (RMAP: audit under way)"), ("cross-recognized", "Cross-Recognized (LBMA, RJC)"),
        ("compliant", "Compliant (CFSI era)"), ("progressing", "Progressing (CFSI era)"),
    ];

    /// <summary>The form filled with a resolved policy's values, to be saved as <paramref name="version"/>.</summary>
    public static PolicyFormValues From(Policy policy, string version, string? extends) => new()
    {
        Version = version,
        Extends = extends,
        Description = policy.Description,
        CoveredCountries = policy.CoveredCountries.Order(StringComparer.Ordinal).ToList(),
        CahraCountries = policy.CahraCountries.Order(StringComparer.Ordinal).ToList(),
        AcceptableAuditStatuses = policy.AcceptableAuditStatuses.Order(StringComparer.Ordinal).ToList(),
        ConcernList = policy.ConcernList.Values.OrderBy(c => c.Cid, StringComparer.Ordinal).Select(c => new ConcernRow(c.Cid, c.Reason)).ToList(),
        StrongProgramCriteria = policy.StrongProgramCriteria.ToList(),
        MinimumSupplierResponseRate = policy.MinimumSupplierResponseRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RedFlags = Workflow.Rules.Policies.RedFlags.All.ToDictionary(f => f, f => policy.EffectOf(f).ToString().ToLowerInvariant()),
    };

    /// <summary>The policy as YAML, every key given; scalars are quoted by the emitter wherever YAML needs it.</summary>
    public string ToYaml()
    {
        var text = new StringWriter();
        var e = new Emitter(text);
        e.Emit(new StreamStart());
        e.Emit(new DocumentStart(null, null, true));
        e.Emit(new Comment("Saved from the form on the rules page: every key is written out, nothing is inherited from the version named in extends.", false));
        e.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(e, "version", Version.Trim());
        if (!string.IsNullOrWhiteSpace(Extends)) Pair(e, "extends", Extends.Trim());
        if (!string.IsNullOrWhiteSpace(Description)) Pair(e, "description", Description.Trim());
        List(e, "coveredCountries", CountryNames(CoveredCountries));
        List(e, "cahraCountries", CountryNames(CahraCountries));
        List(e, "acceptableAuditStatuses", AcceptableAuditStatuses);
        Key(e, "concernList");
        e.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var row in ConcernList.Where(r => !r.IsBlank))
        {
            e.Emit(new MappingStart(null, null, false, MappingStyle.Block));
            Pair(e, "cid", row.Cid.Trim());
            Pair(e, "reason", row.Reason.Trim());
            e.Emit(new MappingEnd());
        }
        e.Emit(new SequenceEnd());
        List(e, "strongProgramCriteria", StrongProgramCriteria);
        Pair(e, "minimumSupplierResponseRate", MinimumSupplierResponseRate.Trim());
        Key(e, "redFlags");
        e.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        foreach (var (flag, effect) in RedFlags) Pair(e, flag, effect.Trim());
        e.Emit(new MappingEnd());
        e.Emit(new MappingEnd());
        e.Emit(new DocumentEnd(true));
        e.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>
    /// The form field a validation error belongs next to: the key path with list positions dropped for the pickers,
    /// and for the concern list the row the owner typed in (blank rows are not written, so positions differ).
    /// </summary>
    public string FieldOf(PolicyError error)
    {
        var path = error.KeyPath;
        var concern = ConcernPath().Match(path);
        if (concern.Success)
        {
            var written = int.Parse(concern.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var row = ConcernList.Select((r, i) => (r, i)).Where(x => !x.r.IsBlank).Select(x => x.i).ElementAtOrDefault(written);
            var part = concern.Groups[2].Success ? concern.Groups[2].Value : "cid";
            return $"concernList[{row}].{part}";
        }
        var bracket = path.IndexOf('[');
        return bracket >= 0 ? path[..bracket] : path;
    }

    // Names read better in the YAML view; a code is written where a name would not read back as the same country.
    private static IEnumerable<string> CountryNames(IEnumerable<string> codes) =>
        codes.Select(c => (Code: c, Name: Countries.NameOf(c)))
            .Select(c => Countries.Resolve(c.Name) == c.Code ? c.Name : c.Code)
            .Order(StringComparer.InvariantCulture);

    private static void Key(IEmitter e, string key) => e.Emit(new Scalar(key));

    private static void Pair(IEmitter e, string key, string value)
    {
        Key(e, key);
        // A plain null, ~ or empty value reads back as "not given"; quoted it stays the text that was typed.
        var quote = value.Length == 0 || value is "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase);
        e.Emit(new Scalar(null, null, value, quote ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
    }

    private static void List(IEmitter e, string key, IEnumerable<string> values)
    {
        Key(e, key);
        e.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var v in values) e.Emit(new Scalar(null, null, v, ScalarStyle.Any, true, true));
        e.Emit(new SequenceEnd());
    }

    [GeneratedRegex(@"^concernList\[(\d+)\](?:\.(cid|reason))?")]
    private static partial Regex ConcernPath();
}
