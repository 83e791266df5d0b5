using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
            return isJson ? FromJson(text) : FromYaml(file, text);
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

    /// <summary>
    /// Builds the tree straight from the parser's events, without YamlDotNet's node model: that model expands aliases
    /// (a few hundred bytes of nested aliases become gigabytes) and builds nodes recursively (deep nesting ends the
    /// process with a stack overflow, which no catch can stop). Anchors and aliases are refused outright, nesting is
    /// capped, and nothing is materialised before the event that breaks a rule.
    /// </summary>
    private static object? FromYaml(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Collection>();
        object? root = null;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            switch (e)
            {
                case AnchorAlias alias:
                    throw Refused(file, e, $"uses the alias *{alias.Value}; aliases and anchors are not accepted in policy files, write each value out");
                case NodeEvent { Anchor.IsEmpty: false } node:
                    throw Refused(file, e, $"defines the anchor &{node.Anchor}; aliases and anchors are not accepted in policy files, write each value out");
                case Scalar scalar when open.TryPeek(out var top) && top.AwaitsKey:
                    top.Key = scalar.Value;
                    break;
                case Scalar scalar:
                    Add(open, scalar is { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } ? null : scalar.Value, ref root);
                    break;
                case SequenceStart or MappingStart:
                    if (open.TryPeek(out var parent) && parent.AwaitsKey)
                        throw Refused(file, e, "uses a list or map as a key; keys must be plain names");
                    if (open.Count >= MaxDepth)
                        throw Refused(file, e, $"nests lists and maps more than {MaxDepth} levels deep; a policy needs at most a few");
                    open.Push(e is MappingStart ? Collection.Map() : Collection.List());
                    break;
                case SequenceEnd or MappingEnd:
                    Add(open, open.Pop().Value, ref root);
                    break;
                case DocumentEnd:
                    return root; // only the first document counts, as before
            }
        }
        return root;
    }

    private const int MaxDepth = 32;

    private static void Add(Stack<Collection> open, object? value, ref object? root)
    {
        if (open.TryPeek(out var top)) top.Add(value);
        else root = value;
    }

    private static PolicyValidationException Refused(string file, ParsingEvent e, string why) =>
        new([new PolicyError(file, "", $"not accepted at line {e.Start.Line}, column {e.Start.Column}: the YAML {why}.")]);

    /// <summary>A list or map being filled; a map alternates between waiting for a key and for its value.</summary>
    private sealed class Collection
    {
        private readonly List<object?>? _list;
        private readonly List<KeyValuePair<string, object?>>? _map;
        private bool _hasKey;
        private string _key = "";

        private Collection(List<object?>? list, List<KeyValuePair<string, object?>>? map) { _list = list; _map = map; }

        public static Collection List() => new([], null);
        public static Collection Map() => new(null, []);

        public object Value => (object?)_list ?? _map!;
        public bool AwaitsKey => _map is not null && !_hasKey;

        public string Key
        {
            set { _key = value; _hasKey = true; }
        }

        public void Add(object? value)
        {
            if (_list is not null) { _list.Add(value); return; }
            _map!.Add(new KeyValuePair<string, object?>(_key, value));
            _hasKey = false;
        }
    }

    private static object? FromJson(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth });
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
