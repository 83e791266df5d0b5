using Workflow.Domain.Security;

namespace Workflow.Api.Security;

/// <summary>Authorization policy names: every /api endpoint requires one of these.</summary>
public static class AccessPolicies
{
    /// <summary>The due-diligence roles (owner, manager, auditor); auditors are read-only and get nothing more. The grievance
    /// roles are not among them: an investigator or the hotline's key reads no campaign, case or report.</summary>
    public const string Read = "read";
    /// <summary>Concerns of the grievance mechanism: investigators and compliance owners.</summary>
    public const string Concerns = "concerns";
    /// <summary>Handing a concern in through the API: the hotline's key and compliance owners.</summary>
    public const string ConcernIntake = "concern-intake";
    public const string Owner = "owner";
    public const string Manager = "manager";

    public static IServiceCollection AddWorkflowSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Concerns, p => p.RequireRole(Roles.ConcernHandlers))
            .AddPolicy(ConcernIntake, p => p.RequireRole(Roles.ConcernIntake))
            .AddPolicy(Owner, p => p.RequireRole(Roles.ComplianceOwner))
            .AddPolicy(Manager, p => p.RequireRole(Roles.Manager));
        return services;
    }

    public static string ActorOf(this HttpContext context) => context.User.Identity?.Name ?? "anonymous";
}
