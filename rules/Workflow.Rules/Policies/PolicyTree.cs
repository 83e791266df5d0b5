using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Rules.Policies;

/// <summary>
/// Reads YAML or JSON into one neutral shape (ordered maps, lists, scalar strings) so that validation is written once.
/// </summary>
internal static class PolicyTree
{
    /// <summary>Map: list of (key, value) in file order; list: List&lt;object?&gt;; scalar: string; empty: null.</summary>
    public static object? Parse(string file, string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var isJson = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || (trimmed.Length > 0 && trimmed[0] == '{');
        try
        {
            return isJson ? FromJson(text) : FromYaml(text);
        }
        catch (YamlException e)
        {
            throw new PolicyValidationException([new PolicyError(file, "", $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}")]);
        }
        catch (JsonException e)
        {
            throw new PolicyValidationException([new PolicyError(file, "", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}")]);
        }
    }

    private static object? FromYaml(string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text)) stream.Load(reader);
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Select(kv => new KeyValuePair<string, object?>(
            ((kv.Key as YamlScalarNode)?.Value) ?? kv.Key.ToString(), Convert(kv.Value))).ToList(),
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    private static object? FromJson(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Convert(doc.RootElement);
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, Convert(p.Value))).ToList(),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };
}
