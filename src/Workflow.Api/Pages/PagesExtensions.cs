using Workflow.Api.Pages.Overview;
using Workflow.Api.Pages.Suppliers;
using Workflow.Api.Pages.Products;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Bounces;
using Workflow.Api.Pages.Campaigns;
using Workflow.Api.Pages.Cases;
using Workflow.Api.Pages.Escalations;
using Workflow.Api.Pages.Grievances;
using Workflow.Api.Pages.Reevaluation;
using Workflow.Api.Pages.Rules;
using Workflow.Api.Pages.Security;
using Workflow.Api.Pages.Settings;
using Workflow.Api.Pages.Workflow;
using Workflow.Api.Security;
using Workflow.Domain.Security;
using Workflow.Application.Queries;
using Workflow.Infrastructure.Users;
using Workflow.Application.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflow.Api.Pages;

/// <summary>The server-rendered pages: sign-in for local users, and the pages for managers, compliance owners and auditors.</summary>
public static class PagesExtensions
{
    public static IServiceCollection AddWorkflowPages(this IServiceCollection services)
    {
        services.AddOptions<PageOptions>().BindConfiguration(PageOptions.Section);
        services.AddSingleton<UserStore>();
        services.TryAddSingleton<IBrandSource, SettingsBrand>();
        services.AddSingleton<EscalationQueueQuery>();
        services.AddSingleton<CaseRecordQuery>();
        services.AddSingleton<global::Workflow.Application.Declared.DeclaredSubmissionQuery>();
        services.AddSingleton<CampaignDashboardQuery>();
        services.AddSingleton<CampaignFiguresQuery>();
        services.AddSingleton<GraphvizRenderer>();
        services.AddSingleton<SupplierListQuery>();
        services.AddAntiforgery(o => o.Cookie.Name = "workflow.antiforgery");
        // Pages are Razor components rendered on the server as whole documents (static, no Blazor script or circuit).
        services.AddRazorComponents();
        // Razor encodes every value; letters of every script stay as they are (pages are UTF-8), markup characters are escaped.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddPageAuthentication();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginPages.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<PageOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services;
    }

    /// <summary>After authentication and authorization: static assets, anti-forgery checks on form posts, Server-Timing.</summary>
    public static WebApplication UseWorkflowPages(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Server time of every response, visible in the browser's network panel and measured by the benchmark.
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["Server-Timing"] =
                    string.Create(CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}");
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWorkflowPages(this WebApplication app)
    {
        app.MapLoginPages();
        var pages = app.MapGroup("").RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
        // Everyone signed in starts somewhere they may look: investigators see concerns and nothing else.
        app.MapGet("/", (HttpContext http) => Results.Redirect(
                http.User.IsInRole(Roles.Manager) ? "/escalations"
                : http.User.IsInRole(Roles.ComplianceOwner) || http.User.IsInRole(Roles.Auditor) ? "/campaigns"
                : http.User.IsInRole(Roles.Investigator) ? "/grievances"
                // The hotline's people hand concerns in; in a browser that is the public form.
                : "/concerns"))
            .RequireAuthorization(p => p.RequireRole(Roles.All)).ExcludeFromDescription();
        pages.MapEscalationsPage();
        pages.MapCasePage();
        pages.MapComparePage();
        pages.MapCaseExport();
        pages.MapCampaignsPages();
        pages.MapOverviewPage();
        pages.MapSuppliersPage();
        pages.MapSupplierRegisterPages();
        pages.MapProductPages();
        pages.MapContactNeededPage();
        pages.MapProductsPage();
        pages.MapRulesPage();
        pages.MapReevaluationPages();
        pages.MapWorkflowPage();
        pages.MapSettingsPage();
        // Concerns: investigators and compliance owners only, not the due-diligence roles' Read policy.
        app.MapGrievancePages();
        app.MapGrievanceReportPage();
        return app;
    }
}
