using Workflow.Application.Reference;
using Workflow.Application.Settings;

namespace Workflow.Api.Pages.Settings;

/// <summary>
/// What /settings shows: the settings in force (with which ones configuration fixed), the address links use, mail,
/// the reference list versions, recent changes; for an owner the forms, with what was typed and what is wrong.
/// </summary>
public sealed record SettingsPageModel(
    SettingsSnapshot Settings,
    string EffectiveBaseUrl,
    bool CanEdit,
    string? SmtpHost,
    TimeSpan? LinkLifetimeOverride,
    IReadOnlyList<ReferenceListInfo> ReferenceLists,
    IReadOnlyList<SettingChange> History,
    IReadOnlyDictionary<string, string[]> Errors,
    IFormCollection? Form,
    string? ReferenceError,
    Layout.Notice? Notice);
