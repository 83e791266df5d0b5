using System.Security.Cryptography;
using System.Text.Json;

namespace Workflow.Rules.Policies;

/// <summary>
/// The resolved form of a policy as canonical JSON (keys and sets in ordinal order, inheritance applied) and its
/// SHA-256: two texts that mean the same policy (comments, key order, YAML or JSON) give the same hash, and any change
/// a rule could notice gives another. The source path is left out: where a file lay does not change what it decides.
/// </summary>
public static class PolicyFingerprint
{
    public static byte[] CanonicalJson(Policy policy)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("version", policy.Version);
            if (policy.Extends is { } extends) w.WriteString("extends", extends);
            if (policy.Description is { } description) w.WriteString("description", description);
            Strings(w, "coveredCountries", policy.CoveredCountries.Order(StringComparer.Ordinal));
            Strings(w, "cahraCountries", policy.CahraCountries.Order(StringComparer.Ordinal));
            Strings(w, "acceptableAuditStatuses", policy.AcceptableAuditStatuses.Order(StringComparer.Ordinal));
            w.WriteStartArray("concernList");
            foreach (var entry in policy.ConcernList.Values.OrderBy(c => c.Cid, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("cid", entry.Cid);
                w.WriteString("reason", entry.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // Order matters here: the criteria are listed to people in this order.
            Strings(w, "strongProgramCriteria", policy.StrongProgramCriteria);
            w.WriteNumber("minimumSupplierResponseRate", policy.MinimumSupplierResponseRate);
            w.WriteStartObject("redFlags");
            foreach (var (flag, effect) in policy.RedFlags.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                w.WriteString(flag, effect.ToString().ToLowerInvariant());
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static string Sha256(Policy policy) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(policy)));

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
