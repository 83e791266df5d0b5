using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Workflow.Application.Cases;
using Workflow.StateMachines;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Escalations;
using Workflow.Api.Extensions;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;

namespace Workflow.Api.Errors;

public static class ErrorExtensions
{
    /// <summary>Maps domain exceptions to problem details: 404 unknown ids, 409 illegal or concurrent transitions, 400 bad JSON.</summary>
    public static WebApplication UseWorkflowErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, title, detail) = error switch
            {
                NotFoundException e => (404, "Not found", e.Message),
                IllegalTransitionException e => (409, "Transition not allowed", e.Message),
                ConcurrencyConflictException e => (409, "Concurrent change", e.Message),
                Workflow.Application.Policies.PolicyNotActiveException e => (409, "Policy not active", e.Message),
                Workflow.Application.Policies.PolicyConflictException e => (409, "Policy version conflict", e.Message),
                Workflow.Application.Suppliers.SupplierConflictException e => (409, "Supplier conflict", e.Message),
                Workflow.Application.Campaigns.NothingToLaunchException e => (409, "Nothing to launch", e.Message),
                BadHttpRequestException { InnerException: JsonException j } => (400, "Malformed JSON", Describe(j)),
                BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
                _ => (500, "Unexpected error", "The server could not complete the request; it has been logged."),
            };
            context.Response.StatusCode = status;
            if (Pages.Errors.ProblemPages.WantsHtml(context))
            {
                // A 404 from an unknown id reads as a missing page; the exception's own words say which.
                await Pages.Errors.ProblemPages.WriteAsync(context, Pages.Errors.ProblemPages.For(status, title, status == 500 ? null : detail));
                return;
            }
            await Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
        }));
        // Browsers get an HTML page for an empty error answer (an unknown URL, a refused form); API clients keep problem+JSON.
        app.UseWhen(Pages.Errors.ProblemPages.WantsHtml, html => html.UseStatusCodePages(async status =>
            await Pages.Errors.ProblemPages.WriteAsync(status.HttpContext, Pages.Errors.ProblemPages.For(status.HttpContext.Response.StatusCode))));
        app.UseWhen(http => !Pages.Errors.ProblemPages.WantsHtml(http), api => api.UseStatusCodePages());
        return app;
    }

    private static string Describe(JsonException j) =>
        $"{j.Message.Split(" Path:")[0]} (field '{j.Path ?? "$"}', line {(j.LineNumber ?? 0) + 1}, position {j.BytePositionInLine ?? 0})";
}
