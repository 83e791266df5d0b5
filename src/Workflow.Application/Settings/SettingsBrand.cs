namespace Workflow.Application.Settings;

/// <summary>The brand from the settings in force: the company name (database or configuration) and whether a logo is stored.</summary>
public sealed class SettingsBrand(EffectiveSettings settings) : IBrandSource
{
    public async ValueTask<CompanyBrand> GetAsync(CancellationToken cancellationToken = default)
    {
        var s = await settings.GetAsync(cancellationToken);
        var name = s[SettingFields.CompanyName].Value;
        return name is null && s.Logo is null ? CompanyBrand.None : new CompanyBrand(name, s.Logo is not null);
    }
}
