using Workflow.Api.Extensions;
using Workflow.Api.Bounces;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Filings;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.ProductDeterminations;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;
using Workflow.Api.Reports;
using Workflow.Api.Retention;
using Workflow.Api.Records;
using Workflow.Api.Reevaluation;
using Workflow.Api.Pages;
using Workflow.Api.FollowUp;
using Workflow.Infrastructure.Jobs;
using Workflow.Api.Security;
using Workflow.Api.SupplierPortal;
using Workflow.Api.Suppliers;
using Workflow.Api.Products;
using Workflow.Api.Settings;
using Workflow.Api.YearOverYear;
using Workflow.Api.Grievances;

// "--demo" loads the demo campaign once the service is up; it is ours, not a configuration key.
var loadDemo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());

// Listen on the documented port unless ASPNETCORE_URLS or --urls says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

// Database: configured PostgreSQL or the embedded cluster; migrations before anything else starts.
builder.Services.AddWorkflowDatabase();
// Reading, checking and assessing CMRTs.
builder.Services.AddWorkflowEvaluation();
// Cases, campaigns, suppliers, submissions.
builder.Services.AddWorkflowCore();
// API keys and roles.
builder.Services.AddWorkflowSecurity();
// Hangfire on the same PostgreSQL, its own schema.
builder.Services.AddWorkflowJobs();
// Follow-up timers, e-mail out (outbox) and in (IMAP), supplier upload links.
builder.Services.AddWorkflowFollowUp(builder.Configuration);
builder.Services.AddWorkflowApi();
// Campaign report, Appendix A and the company's roll-up CMRT.
builder.Services.AddWorkflowReports();
// Our products' determinations from the declarations covering their parts (the report carries them too).
builder.Services.AddWorkflowProductDeterminations();
// Frozen filings: the report as it was filed, sealed with a SHA-256.
builder.Services.AddWorkflowFilings();
// Retention of supplier files and message bodies, and legal holds.
builder.Services.AddWorkflowRetention();
// Re-evaluating a campaign's submissions under a new reference list or policy, as a job with progress.
builder.Services.AddWorkflowReevaluation();
// Settings kept in the database (company, recipients, public URL, link grace days, logo); configuration overrides.
builder.Services.AddWorkflowSettings();
// The grievance mechanism: concerns from anyone, investigators, officers told at once, a quarterly report.
builder.Services.AddWorkflowGrievances();
builder.Services.AddGrievanceReports();
// Pages: local users, sign-in cookie beside API keys, anti-forgery.
builder.Services.AddWorkflowPages();

var app = builder.Build();

app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UseWorkflowErrors();
app.UseAuthentication();
app.UseApiWritesNeedKeys();
app.UseAuthorization();
app.UseWorkflowPages();

app.MapOpenApi();
app.MapHealth();
app.MapCampaigns();
app.MapSuppliers();
app.MapProducts();
app.MapCases();
app.MapYearOverYear();
app.MapContactNeeded();
app.MapRecords();
app.MapEscalations();
app.MapPolicies();
app.MapReferenceLists();
app.MapReports();
app.MapProductDeterminations();
app.MapFilings();
app.MapRetention();
app.MapReevaluation();
app.MapSettings();
app.MapSupplierPortal();
app.MapConcernReports();
app.MapConcerns();
app.MapPublicConcerns();
app.MapWorkflowJobsDashboard();
app.MapWorkflowPages();

await app.RunWithDemoOptionAsync(loadDemo);

public partial class Program;
