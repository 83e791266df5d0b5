using System.Text;

namespace Workflow.Rules.Policies;

/// <summary>Loads policy files (YAML or JSON) and the built-in default.</summary>
public static class PolicyLoader
{
    public const string DefaultVersion = "default";
    public static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private static readonly Lazy<string> BuiltInText = new(() =>
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("Workflow.Rules.policy.default.yaml")
            ?? throw new InvalidOperationException("The built-in default policy is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<Policy> BuiltIn = new(() =>
    {
        var document = PolicyParser.Parse("built-in:default.yaml", BuiltInText.Value);
        return PolicyResolver.Resolve([document], new Dictionary<string, Policy>())[document.Version];
    });

    /// <summary>The text of the built-in default, as the service stores it when a database has no policy yet.</summary>
    public static string DefaultText => BuiltInText.Value;

    /// <summary>The built-in <c>default</c> policy, embedded in the assembly so it exists without any folder.</summary>
    public static Policy Default => BuiltIn.Value;

    /// <summary>
    /// One policy file, e.g. for <c>cmrt check --policy PATH</c>. Its <c>extends</c> may name the built-in default or
    /// any of <paramref name="known"/>. Throws <see cref="PolicyValidationException"/> with every error found.
    /// </summary>
    public static Policy LoadFile(string path, IEnumerable<Policy>? known = null)
    {
        var document = ParseFile(path);
        return PolicyResolver.Resolve([document], KnownWithDefault(known))[document.Version];
    }

    /// <summary>Parses text as if it were the named file (for policies uploaded through the API).</summary>
    public static Policy LoadText(string name, string text, IEnumerable<Policy>? known = null)
    {
        var document = PolicyParser.Parse(name, text);
        return PolicyResolver.Resolve([document], KnownWithDefault(known))[document.Version];
    }

    /// <summary>
    /// Every policy file in a folder, resolved together (files may extend each other). All or nothing: any error
    /// throws, so a caller never activates a partly valid set.
    /// </summary>
    public static IReadOnlyDictionary<string, Policy> LoadFolder(string folder)
    {
        var errors = new List<PolicyError>();
        var documents = new List<PolicyDocument>();
        foreach (var file in PolicyFiles(folder))
        {
            try { documents.Add(ParseFile(file)); }
            catch (PolicyValidationException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new PolicyValidationException(errors);

        var resolved = new Dictionary<string, Policy>(PolicyResolver.Resolve(documents, KnownWithDefault(null)), StringComparer.Ordinal);
        resolved.TryAdd(DefaultVersion, Default);
        return resolved;
    }

    public static IEnumerable<string> PolicyFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];

    private static PolicyDocument ParseFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { throw new PolicyValidationException([new PolicyError(path, "", $"cannot be read: {e.Message}")]); }
        catch (UnauthorizedAccessException e) { throw new PolicyValidationException([new PolicyError(path, "", $"cannot be read: {e.Message}")]); }
        return PolicyParser.Parse(path, text);
    }

    private static Dictionary<string, Policy> KnownWithDefault(IEnumerable<Policy>? known)
    {
        var result = new Dictionary<string, Policy>(StringComparer.Ordinal) { [DefaultVersion] = Default };
        foreach (var p in known ?? []) result[p.Version] = p;
        return result;
    }
}
