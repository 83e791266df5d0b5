namespace Workflow.Rules.Policies;

/// <summary>
/// Applies inheritance: a document's missing keys come from its parent (another document or an already resolved
/// policy such as the built-in default). Lists replace the parent's list; maps merge key by key.
/// </summary>
public static class PolicyResolver
{
    public static IReadOnlyDictionary<string, Policy> Resolve(
        IReadOnlyCollection<PolicyDocument> documents, IReadOnlyDictionary<string, Policy> known)
    {
        var errors = new List<PolicyError>();
        var byVersion = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (byVersion.TryGetValue(d.Version, out var other))
                errors.Add(new PolicyError(d.File, "version", $"version '{d.Version}' is also defined in {other.File}"));
            else byVersion[d.Version] = d;
        }

        var resolved = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var d in byVersion.Values)
            ResolveOne(d, byVersion, known, resolved, [], errors);

        if (errors.Count > 0) throw new PolicyValidationException(errors.Distinct().ToList());
        return resolved;
    }

    private static Policy? ResolveOne(
        PolicyDocument d, Dictionary<string, PolicyDocument> documents, IReadOnlyDictionary<string, Policy> known,
        Dictionary<string, Policy> resolved, List<string> chain, List<PolicyError> errors)
    {
        if (resolved.TryGetValue(d.Version, out var done)) return done;
        if (chain.Contains(d.Version))
        {
            errors.Add(new PolicyError(d.File, "extends", $"inheritance cycle: {string.Join(" → ", chain.SkipWhile(v => v != d.Version))} → {d.Version}"));
            return null;
        }

        Policy? parent = null;
        if (d.Extends is { } parentVersion)
        {
            if (documents.TryGetValue(parentVersion, out var parentDoc))
            {
                parent = ResolveOne(parentDoc, documents, known, resolved, [.. chain, d.Version], errors);
                if (parent is null) return null;
            }
            else if (!known.TryGetValue(parentVersion, out parent))
            {
                var available = documents.Keys.Concat(known.Keys).Distinct().Order();
                errors.Add(new PolicyError(d.File, "extends", $"unknown parent policy '{parentVersion}'; known versions: {string.Join(", ", available)}"));
                return null;
            }
        }

        var policy = Merge(d, parent, errors);
        if (policy is not null) resolved[d.Version] = policy;
        return policy;
    }

    private static Policy? Merge(PolicyDocument d, Policy? parent, List<PolicyError> errors)
    {
        var missing = new List<string>();
        T Need<T>(T? own, T? inherited, string key) where T : class
        {
            if (own is not null) return own;
            if (inherited is not null) return inherited;
            missing.Add(key);
            return null!;
        }

        var redFlags = new Dictionary<string, FlagEffect>(parent?.RedFlags ?? new Dictionary<string, FlagEffect>());
        foreach (var (flag, effect) in d.RedFlags) redFlags[flag] = effect;
        if (parent is null)
            missing.AddRange(RedFlags.All.Where(f => !redFlags.ContainsKey(f)).Select(f => $"redFlags.{f}"));

        int NeedInt(int? own, int? inherited, string key)
        {
            if (own is { } o) return o;
            if (inherited is { } i) return i;
            missing.Add(key);
            return 0;
        }

        var policy = new Policy
        {
            Version = d.Version,
            Extends = d.Extends,
            Description = d.Description ?? parent?.Description,
            Source = d.File,
            CoveredCountries = Need(d.CoveredCountries, parent?.CoveredCountries, "coveredCountries"),
            CahraCountries = Need(d.CahraCountries, parent?.CahraCountries, "cahraCountries"),
            AcceptableAuditStatuses = Need(d.AcceptableAuditStatuses, parent?.AcceptableAuditStatuses, "acceptableAuditStatuses"),
            ConcernList = d.ConcernList is { } list
                ? list.GroupBy(c => c.Cid, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase)
                : Need(parent?.ConcernList, null, "concernList"),
            StrongProgramCriteria = Need(d.StrongProgramCriteria, parent?.StrongProgramCriteria, "strongProgramCriteria"),
            MinimumSupplierResponseRate = NeedInt(d.MinimumSupplierResponseRate, parent?.MinimumSupplierResponseRate, "minimumSupplierResponseRate"),
            RedFlags = redFlags,
        };
        if (missing.Count == 0) return policy;
        foreach (var key in missing)
            errors.Add(new PolicyError(d.File, key, "required: give it here or add 'extends: default' to inherit it"));
        return null;
    }
}
