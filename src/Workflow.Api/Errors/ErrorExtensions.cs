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
                BadHttpRequestException { InnerException: JsonException j } => (400, "Malformed JSON", Describe(j)),
                BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
                _ => (500, "Unexpected error", "The server could not complete the request; it has been logged."),
            };
            context.Response.StatusCode = status;
            await Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
        }));
        app.UseStatusCodePages();
        return app;
    }

    private static string Describe(JsonException j) =>
        $"{j.Message.Split(" Path:")[0]} (field '{j.Path ?? "$"}', line {(j.LineNumber ?? 0) + 1}, position {j.BytePositionInLine ?? 0})";
}
