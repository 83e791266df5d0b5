using Workflow.Domain.Security;

namespace Workflow.Api.Security;

/// <summary>Authorization policy names: every /api endpoint requires one of these.</summary>
public static class AccessPolicies
{
    /// <summary>Any role; auditors are read-only and get nothing more.</summary>
    public const string Read = "read";
    public const string Owner = "owner";
    public const string Manager = "manager";

    public static IServiceCollection AddWorkflowSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireRole(Roles.All))
            .AddPolicy(Owner, p => p.RequireRole(Roles.ComplianceOwner))
            .AddPolicy(Manager, p => p.RequireRole(Roles.Manager));
        return services;
    }

    public static string ActorOf(this HttpContext context) => context.User.Identity?.Name ?? "anonymous";
}
