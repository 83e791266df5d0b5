namespace Workflow.Rules.Policies;

/// <summary>
/// The active policy versions: the built-in default plus every file in a folder. Reloads when a file changes
/// (debounced, because editors write a file in several steps) and on request. A reload that finds any invalid file
/// keeps the previous set and reports the errors: an invalid policy never becomes active.
/// </summary>
public sealed class PolicyCatalog : IPolicySource, IDisposable
{
    private readonly string? _folder;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _debounce;
    private readonly TimeSpan _debounceDelay;
    private readonly Lock _reloadLock = new();
    private volatile IReadOnlyDictionary<string, Policy> _active;
    private volatile IReadOnlyList<PolicyError> _lastErrors = [];

    /// <param name="folder">Policy folder, or null for the built-in default only.</param>
    /// <param name="watch">Reload on file changes.</param>
    /// <param name="debounce">Quiet time after the last change before reloading (default 300 ms).</param>
    public PolicyCatalog(string? folder, bool watch = true, TimeSpan? debounce = null)
    {
        _folder = folder;
        _debounceDelay = debounce ?? TimeSpan.FromMilliseconds(300);
        _active = new Dictionary<string, Policy> { [PolicyLoader.DefaultVersion] = PolicyLoader.Default };
        Reload();
        if (!watch || folder is null || !Directory.Exists(folder)) return;

        _debounce = new Timer(_ => ReloadFromWatcher(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after every reload attempt, with the errors (empty when the new set became active).</summary>
    public event Action<IReadOnlyList<PolicyError>>? Reloaded;

    public IReadOnlyDictionary<string, Policy> Active => _active;
    public IReadOnlyList<PolicyError> LastErrors => _lastErrors;
    public Policy Default => Get(PolicyLoader.DefaultVersion)!;
    public Policy? Get(string version) => _active.TryGetValue(version, out var p) ? p : null;

    /// <summary>Reloads the folder now; returns the errors (empty when the reloaded set is now active).</summary>
    public IReadOnlyList<PolicyError> Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                if (_folder is not null) _active = PolicyLoader.LoadFolder(_folder);
                _lastErrors = [];
            }
            catch (PolicyValidationException e)
            {
                _lastErrors = e.Errors;
            }
            catch (IOException e)
            {
                _lastErrors = [new PolicyError(_folder ?? "", "", $"cannot be read: {e.Message}")];
            }
        }
        Reloaded?.Invoke(_lastErrors);
        return _lastErrors;
    }

    // A timer callback that throws would take the whole process down; a policy problem must only be reported.
    private void ReloadFromWatcher()
    {
        try
        {
            Reload();
        }
        catch (Exception e)
        {
            _lastErrors = [new PolicyError(_folder ?? "", "", $"reload failed: {e.Message}")];
            Reloaded?.Invoke(_lastErrors);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (!PolicyLoader.Extensions.Contains(Path.GetExtension(e.FullPath), StringComparer.OrdinalIgnoreCase)
            && e is not RenamedEventArgs) return;
        _debounce?.Change(_debounceDelay, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
