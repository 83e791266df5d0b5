namespace Workflow.Application.Settings;

/// <summary>
/// How every page, the supplier's above all, names the company running the programme: its name, and whether a logo is
/// stored (served at <see cref="LogoPath"/>). A supplier who sees whose request this is does not take it for phishing.
/// </summary>
public sealed record CompanyBrand(string? Name, bool HasLogo)
{
    public const string LogoPath = "/brand/logo";

    public static readonly CompanyBrand None = new(null, false);
}

/// <summary>Where the pages read the brand from: the settings (database, overridden by configuration).</summary>
public interface IBrandSource
{
    ValueTask<CompanyBrand> GetAsync(CancellationToken cancellationToken = default);
}
