using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Cmrt.Reference;

namespace Workflow.Rules.Policies;

/// <summary>
/// Validates one policy file and turns it into a <see cref="PolicyDocument"/>. Collects every error it can find
/// rather than stopping at the first, so a compliance owner fixes a file in one round.
/// </summary>
public static partial class PolicyParser
{
    private static readonly string[] TopLevelKeys =
    [
        "version", "extends", "description", "coveredCountries", "cahraCountries", "acceptableAuditStatuses",
        "concernList", "strongProgramCriteria", "minimumSupplierResponseRate", "redFlags",
    ];

    public static PolicyDocument Parse(string file, string text)
    {
        var errors = new List<PolicyError>();
        var root = PolicyTree.Parse(file, text);
        if (root is not List<KeyValuePair<string, object?>> map)
            throw new PolicyValidationException([new PolicyError(file, "", "expected a mapping of policy keys at the top level")]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map)
        {
            // Policies of the first releases carried timing; it now lives with the timers, in one place.
            if (key == "escalation")
                errors.Add(new PolicyError(file, key, "timing is no longer part of a policy: set the timers SecondRequestSent (escalation), Invalid (the correction "
                    + "window) and EscalationOpen (termination recommendation) in the follow-up definition (workflows/follow-up.json)"));
            else if (!TopLevelKeys.Contains(key))
                errors.Add(new PolicyError(file, key, $"unknown key; expected one of: {string.Join(", ", TopLevelKeys)}"));
            else if (!seen.Add(key))
                errors.Add(new PolicyError(file, key, "given twice"));
        }
        object? Get(string key) => map.FirstOrDefault(kv => kv.Key == key).Value;
        bool Has(string key) => map.Any(kv => kv.Key == key);

        var version = Scalar(file, "version", Get("version"), errors);
        if (version is null && !errors.Any(e => e.KeyPath == "version"))
            errors.Add(new PolicyError(file, "version", "required: the policy version id, e.g. 2026-strict"));
        else if (version is not null && !VersionPattern().IsMatch(version))
            errors.Add(new PolicyError(file, "version", $"'{version}' is not a valid version id (letters, digits, '.', '_', '-')"));

        var document = new PolicyDocument
        {
            File = file,
            Version = version ?? "",
            Extends = Has("extends") ? Scalar(file, "extends", Get("extends"), errors) : null,
            Description = Has("description") ? Scalar(file, "description", Get("description"), errors) : null,
            CoveredCountries = Has("coveredCountries") ? CountryList(file, "coveredCountries", Get("coveredCountries"), errors) : null,
            CahraCountries = Has("cahraCountries") ? CountryList(file, "cahraCountries", Get("cahraCountries"), errors) : null,
            AcceptableAuditStatuses = Has("acceptableAuditStatuses")
                ? StringList(file, "acceptableAuditStatuses", Get("acceptableAuditStatuses"), errors)?.Select(AuditStatusWords.Normalise).ToHashSet(StringComparer.Ordinal)
                : null,
            ConcernList = Has("concernList") ? Concerns(file, Get("concernList"), errors) : null,
            StrongProgramCriteria = Has("strongProgramCriteria") ? Criteria(file, Get("strongProgramCriteria"), errors) : null,
            MinimumSupplierResponseRate = Has("minimumSupplierResponseRate")
                ? Percent(file, "minimumSupplierResponseRate", Get("minimumSupplierResponseRate"), errors)
                : null,
            RedFlags = Has("redFlags") ? Flags(file, Get("redFlags"), errors) : new Dictionary<string, FlagEffect>(),
        };

        if (errors.Count > 0) throw new PolicyValidationException(errors);
        return document;
    }

    private static string? Scalar(string file, string path, object? node, List<PolicyError> errors)
    {
        if (node is null or string) return (node as string)?.Trim();
        errors.Add(new PolicyError(file, path, "expected a single value"));
        return null;
    }

    private static List<string>? StringList(string file, string path, object? node, List<PolicyError> errors)
    {
        if (node is null) return [];
        if (node is not List<object?> items)
        {
            errors.Add(new PolicyError(file, path, "expected a list"));
            return null;
        }
        var result = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is string s && s.Trim().Length > 0) result.Add(s.Trim());
            else errors.Add(new PolicyError(file, $"{path}[{i}]", "expected a non-empty text value"));
        }
        return result;
    }

    private static HashSet<string>? CountryList(string file, string path, object? node, List<PolicyError> errors)
    {
        var names = StringList(file, path, node, errors);
        if (names is null) return null;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var code = Countries.Resolve(names[i]);
            if (code is null)
                errors.Add(new PolicyError(file, $"{path}[{i}]", $"unknown country '{names[i]}'; expected an ISO 3166 country name or code (e.g. 'Democratic Republic of the Congo', 'DRC', 'CD')"));
            else codes.Add(code);
        }
        return codes;
    }

    private static List<ConcernEntry>? Concerns(string file, object? node, List<PolicyError> errors)
    {
        if (node is null) return [];
        if (node is not List<object?> items)
        {
            errors.Add(new PolicyError(file, "concernList", "expected a list of {cid, reason}"));
            return null;
        }
        var result = new List<ConcernEntry>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"concernList[{i}]";
            if (items[i] is not List<KeyValuePair<string, object?>> entry)
            {
                errors.Add(new PolicyError(file, path, "expected {cid, reason}"));
                continue;
            }
            foreach (var (key, _) in entry.Where(kv => kv.Key is not ("cid" or "reason")))
                errors.Add(new PolicyError(file, $"{path}.{key}", "unknown key; expected cid or reason"));
            var cid = Scalar(file, $"{path}.cid", entry.FirstOrDefault(kv => kv.Key == "cid").Value, errors);
            var reason = Scalar(file, $"{path}.reason", entry.FirstOrDefault(kv => kv.Key == "reason").Value, errors);
            if (!SmelterReferenceList.IsCid(cid))
                errors.Add(new PolicyError(file, $"{path}.cid", $"malformed CID '{cid}'; expected CID followed by 6 digits, e.g. CID002763"));
            else if (string.IsNullOrWhiteSpace(reason))
                errors.Add(new PolicyError(file, $"{path}.reason", "required: why this smelter is a concern (shown to managers)"));
            else
                result.Add(new ConcernEntry(cid!.ToUpperInvariant(), reason));
        }
        return result;
    }

    private static List<string>? Criteria(string file, object? node, List<PolicyError> errors)
    {
        var names = StringList(file, "strongProgramCriteria", node, errors);
        if (names is null) return null;
        for (var i = 0; i < names.Count; i++)
        {
            if (!ProgramCriteria.IsKnown(names[i]))
                errors.Add(new PolicyError(file, $"strongProgramCriteria[{i}]", $"unknown company question '{names[i]}'; expected one of: {string.Join(", ", ProgramCriteria.Names)}"));
        }
        return names;
    }

    private static int? Percent(string file, string path, object? node, List<PolicyError> errors)
    {
        var text = Scalar(file, path, node, errors)?.TrimEnd('%').Trim();
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 100) return n;
        errors.Add(new PolicyError(file, path, $"'{text}' is not a percentage; expected a whole number from 0 to 100"));
        return null;
    }

    private static Dictionary<string, FlagEffect> Flags(string file, object? node, List<PolicyError> errors)
    {
        var result = new Dictionary<string, FlagEffect>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not List<KeyValuePair<string, object?>> map)
        {
            errors.Add(new PolicyError(file, "redFlags", "expected a mapping of flag: escalate | warn | ignore"));
            return result;
        }
        foreach (var (flag, value) in map)
        {
            var path = $"redFlags.{flag}";
            if (!RedFlags.All.Contains(flag))
            {
                errors.Add(new PolicyError(file, path, $"unknown red flag; expected one of: {string.Join(", ", RedFlags.All)}"));
                continue;
            }
            var effect = Scalar(file, path, value, errors);
            if (effect is null) continue;
            if (Enum.TryParse<FlagEffect>(effect, ignoreCase: true, out var e) && !int.TryParse(effect, out _)) result[flag] = e;
            else errors.Add(new PolicyError(file, path, $"'{effect}' is not an effect; expected escalate, warn or ignore"));
        }
        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex VersionPattern();
}
