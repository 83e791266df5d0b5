using System.Globalization;
using Microsoft.Extensions.Configuration;
using Workflow.Application.Reports.Rollup;

namespace Workflow.Application.Settings;

/// <summary>A setting's value in force, and whether the operator's configuration fixed it (then the page cannot change it).</summary>
public sealed record Effective<T>(T Value, bool FromConfiguration);

/// <summary>Every setting as it applies now: the database's value unless configuration overrides it.</summary>
public sealed record SettingsSnapshot(
    IReadOnlyDictionary<SettingField, Effective<string?>> Texts,
    Effective<IReadOnlyList<string>> ManagementRecipients,
    Effective<IReadOnlyList<string>> ProcurementRecipients,
    Effective<int> GraceDays,
    LogoInfo? Logo)
{
    /// <summary>Who hears of every concern of the grievance mechanism.</summary>
    public Effective<IReadOnlyList<string>> GrievanceOfficers { get; init; } = new([], false);

    public Effective<string?> this[SettingField field] => Texts[field];

    public Effective<string?> PublicBaseUrl => Texts[SettingFields.PublicBaseUrl];

    /// <summary>The company section of the roll-up CMRT and the filings.</summary>
    public CompanyOptions Company => new()
    {
        Name = Texts[SettingFields.CompanyName].Value,
        Address = Texts[SettingFields.CompanyAddress].Value,
        ContactName = Texts[SettingFields.ContactName].Value,
        ContactEmail = Texts[SettingFields.ContactEmail].Value,
        ContactPhone = Texts[SettingFields.ContactPhone].Value,
        AuthorizerName = Texts[SettingFields.AuthorizerName].Value,
        AuthorizerTitle = Texts[SettingFields.AuthorizerTitle].Value,
        AuthorizerEmail = Texts[SettingFields.AuthorizerEmail].Value,
        AuthorizerPhone = Texts[SettingFields.AuthorizerPhone].Value,
    };

    public bool FromConfiguration(SettingField field) =>
        field == SettingFields.ManagementRecipients ? ManagementRecipients.FromConfiguration
        : field == SettingFields.ProcurementRecipients ? ProcurementRecipients.FromConfiguration
        : field == SettingFields.GrievanceOfficers ? GrievanceOfficers.FromConfiguration
        : field == SettingFields.GraceDays ? GraceDays.FromConfiguration
        : Texts[field].FromConfiguration;
}

/// <summary>
/// The settings in force: read from the database on every call (one small query), so a change saved on any instance
/// applies to the next request everywhere, no restart; a non-empty configuration key still wins ("configuration files
/// still override for operators"), and configuration is read live too.
/// </summary>
public sealed class EffectiveSettings(SettingsStore store, IConfiguration configuration)
{
    public async Task<SettingsSnapshot> GetAsync(CancellationToken ct = default) => Merge(await store.LoadAsync(ct));

    public SettingsSnapshot Merge(StoredSettings stored)
    {
        var texts = new Dictionary<SettingField, Effective<string?>>();
        foreach (var f in SettingFields.All.Where(f => f.Kind is not (SettingKind.EmailList or SettingKind.Days)))
            texts[f] = configuration[f.ConfigurationKey] is { } c && !string.IsNullOrWhiteSpace(c)
                ? new Effective<string?>(c.Trim(), true)
                : new Effective<string?>(Blank(stored[f]), false);
        return new SettingsSnapshot(texts, List(stored, SettingFields.ManagementRecipients), List(stored, SettingFields.ProcurementRecipients),
            Days(stored), stored.Logo) { GrievanceOfficers = List(stored, SettingFields.GrievanceOfficers) };
    }

    /// <summary>A list comes from configuration as an array section ("Notifications:ManagementRecipients:0") or one string.</summary>
    private Effective<IReadOnlyList<string>> List(StoredSettings stored, SettingField field)
    {
        var section = configuration.GetSection(field.ConfigurationKey);
        var configured = section.GetChildren().Select(c => c.Value).Append(section.Value).Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => SplitList(v!)).ToList();
        return configured.Count > 0
            ? new Effective<IReadOnlyList<string>>(configured, true)
            : new Effective<IReadOnlyList<string>>(SplitList(stored[field] ?? ""), false);
    }

    private Effective<int> Days(StoredSettings stored)
    {
        if (int.TryParse(configuration[SettingFields.GraceDays.ConfigurationKey], NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured))
            return new Effective<int>(configured, true);
        return new Effective<int>(int.TryParse(stored[SettingFields.GraceDays], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
            ? d : SettingFields.DefaultGraceDays, false);
    }

    /// <summary>One address per line (the page's text area) or separated by commas or semicolons.</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        text.Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
