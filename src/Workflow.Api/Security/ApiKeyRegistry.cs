using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Workflow.Domain.Security;
using Workflow.Infrastructure.Database;
using Workflow.Application.Configuration;
using Workflow.DevHost.Database;

namespace Workflow.Api.Security;

/// <summary>
/// The API keys in force. With none configured and the embedded database in use, one key per role is generated
/// into the data folder (api-keys.json, mode 600) and logged at start, so a newcomer can call the API at once;
/// with a production database, no key is invented.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly Dictionary<string, ApiKeyEntry> _byHash = new(StringComparer.Ordinal);

    public ApiKeyRegistry(IOptions<AuthOptions> options, DatabaseEndpoint database, ILogger<ApiKeyRegistry> logger)
    {
        var keys = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k.Key)).ToList();
        foreach (var k in keys)
            foreach (var role in k.Roles.Where(r => !Roles.IsKnown(r)))
                throw new InvalidOperationException($"Auth:ApiKeys '{k.Name}' has unknown role '{role}'; use {string.Join(", ", Roles.All)}.");
        if (keys.Count == 0 && database.IsEmbedded)
        {
            keys = LoadOrCreateDevelopmentKeys(database.DataDirectory!);
            foreach (var k in keys)
                logger.LogWarning("Development API key for {Role}: Authorization: Bearer {Key} (stored in the data folder; configure Auth:ApiKeys for real use)", k.Roles[0], k.Key);
        }
        foreach (var k in keys) _byHash[Hash(k.Key)] = k;
    }

    public ApiKeyEntry? Find(string presentedKey) => _byHash.GetValueOrDefault(Hash(presentedKey));

    // Keys are compared by hash so the lookup's timing does not depend on how much of a guess matches.
    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static List<ApiKeyEntry> LoadOrCreateDevelopmentKeys(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "api-keys.json");
        if (File.Exists(path))
            return JsonSerializer.Deserialize<List<ApiKeyEntry>>(File.ReadAllText(path)) ?? [];
        var keys = Roles.All.Select(role => new ApiKeyEntry
        {
            Name = $"dev-{role}",
            Key = $"dev-{role.ToLowerInvariant()}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}",
            Roles = [role],
        }).ToList();
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return keys;
    }
}
