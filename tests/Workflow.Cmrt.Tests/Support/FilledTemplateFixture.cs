namespace Workflow.Cmrt.Tests.Support;

/// <summary>
/// Saves the valid filled declaration once per 6.x template; cases then copy it and change a few Declaration cells,
/// which is much cheaper than rewriting the 2,500-row Smelter List each time.
/// </summary>
public sealed class FilledTemplateFixture : IDisposable
{
    private readonly Dictionary<string, string> _valid = [];
    private readonly object _gate = new();

    public TempDirectory Directory { get; } = new();

    public string Valid(string version)
    {
        lock (_gate)
        {
            if (!_valid.TryGetValue(version, out var path))
                _valid[version] = path = FilledTemplates.Valid().Save(SharedData.Template(version), Directory.Path);
            return path;
        }
    }

    /// <summary>The valid declaration of <paramref name="version"/> with <paramref name="edit"/> applied on top.</summary>
    public string With(string version, Action<TemplateFiller> edit)
    {
        var filler = new TemplateFiller();
        edit(filler);
        return filler.Save(Valid(version), Directory.Path);
    }

    public void Dispose() => Directory.Dispose();
}
