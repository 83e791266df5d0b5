using System.Text.Json;
using Workflow.Api.Security;
using Workflow.Application.Email;
using Workflow.Application.Grievances;
using Workflow.Application.Settings;
using Workflow.Domain.Grievances;
using Workflow.Domain.Security;
using Workflow.StateMachines.Grievances;

namespace Workflow.Api.Grievances;

/// <summary>
/// /api/concerns: the hotline's intake (GrievanceIntake, ComplianceOwner) and the investigators' handling (Investigator,
/// ComplianceOwner). No other role reads a concern; only a compliance owner sees a named reporter's identity.
/// </summary>
public static class ConcernsApi
{
    public sealed record ConcernBody(string? Description, string? Smelter, string? Supplier, string? Country, string? Metal, string? Occurred,
        string? Channel, string? ReporterName, string? ReporterEmail, string? ReporterPhone, string? Language);

    public sealed record TransitionBody(string? To, string? Reason);

    public sealed record ReplyBody(string? Body);

    public sealed record LinkBody(string? Cid, Guid? SupplierId, Guid? CaseId, bool Substantiated, string? Reason);

    public static void MapConcerns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/concerns").WithTags("Concerns");

        api.MapPost("/", async (ConcernBody body, HttpContext http, ConcernStore store, PublicUrls urls, EffectiveSettings settings, CancellationToken ct) =>
        {
            try
            {
                var created = await store.CreateAsync(ToInput(body), [], ConcernChannels.Hotline, http.ActorOf(), null, ct);
                return Results.Json(await AnswerAsync(created, urls, settings, ct), statusCode: StatusCodes.Status201Created);
            }
            catch (ConcernValidationException e)
            {
                return Results.ValidationProblem(e.Errors, title: "Concern not stored");
            }
        }).RequireAuthorization(AccessPolicies.ConcernIntake);

        var handling = api.MapGroup("").RequireAuthorization(AccessPolicies.Concerns);

        handling.MapGet("/", async (string? state, ConcernQueries queries, CancellationToken ct) =>
        {
            ConcernState? filter = null;
            if (!string.IsNullOrWhiteSpace(state))
            {
                if (!ConcernStates.TryParse(state, out var s))
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                        { ["state"] = [$"'{state}' is not a state; use {string.Join(", ", ConcernStates.All.Select(a => a.ToWire()))}."] });
                filter = s;
            }
            return Results.Ok(await queries.ListAsync(filter, 1000, ct));
        });

        handling.MapGet("/{id:guid}", async (Guid id, HttpContext http, ConcernQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, SeesReporter(http), ct) is { } detail ? Results.Ok(detail) : Results.NotFound());

        handling.MapPost("/{id:guid}/transitions", async (Guid id, TransitionBody body, HttpContext http, ConcernStore store, ConcernQueries queries,
            CancellationToken ct) =>
        {
            if (!ConcernStates.TryParse(body.To, out var to))
                return Results.ValidationProblem(new Dictionary<string, string[]>
                    { ["to"] = [$"'{body.To}' is not a state; use {string.Join(", ", ConcernStates.All.Select(a => a.ToWire()))}."] });
            try
            {
                await store.TransitionAsync(id, to, body.Reason ?? "", http.ActorOf(), ct);
            }
            catch (ConcernValidationException e) { return Results.ValidationProblem(e.Errors, title: "Concern not moved"); }
            catch (IllegalConcernTransitionException e) { return Results.Problem(statusCode: 409, title: "Transition not allowed", detail: e.Message); }
            return Results.Ok(await queries.DetailAsync(id, SeesReporter(http), ct));
        });

        handling.MapPost("/{id:guid}/replies", async (Guid id, ReplyBody body, HttpContext http, ConcernStore store, CancellationToken ct) =>
        {
            try { await store.ReplyAsync(id, body.Body ?? "", http.ActorOf(), ct); }
            catch (ConcernValidationException e) { return Results.ValidationProblem(e.Errors, title: "Reply not sent"); }
            return Results.StatusCode(StatusCodes.Status201Created);
        });

        handling.MapPost("/{id:guid}/links", async (Guid id, LinkBody body, HttpContext http, ConcernLinks links, CancellationToken ct) =>
        {
            try
            {
                var result = await links.LinkAsync(id, new ConcernLinkInput(body.Cid, body.SupplierId, body.CaseId, body.Substantiated, body.Reason),
                    http.ActorOf(), ct);
                return Results.Json(new
                {
                    id = result.LinkId,
                    draftVersion = result.DraftVersion,
                    extends = result.ExtendsVersion,
                    affectedCampaigns = result.AffectedCampaigns,
                }, statusCode: StatusCodes.Status201Created);
            }
            catch (ConcernValidationException e) { return Results.ValidationProblem(e.Errors, title: "Concern not linked"); }
        });

        handling.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, HttpContext http, ConcernQueries queries, CancellationToken ct) =>
        {
            if (await queries.FileAsync(id, fileId, ct) is not { } file) return Results.NotFound();
            // A reporter's file is evidence, never content of our site: always a download, its type the one we recognised.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.File(file.Content, file.File.ContentType, file.File.FileName);
        });
    }

    /// <summary>Only a compliance owner sees who reported; investigators see the content.</summary>
    public static bool SeesReporter(HttpContext http) => http.User.IsInRole(Roles.ComplianceOwner);

    public static ConcernInput ToInput(ConcernBody b) => new()
    {
        Description = b.Description, Smelter = b.Smelter, Supplier = b.Supplier, Country = b.Country, Metal = b.Metal, Occurred = b.Occurred,
        Channel = b.Channel, ReporterName = b.ReporterName, ReporterEmail = b.ReporterEmail, ReporterPhone = b.ReporterPhone, Language = b.Language,
    };

    /// <summary>{id, reference, followUpLink}: the link is given once, here; only its hash is stored.</summary>
    public static async Task<object> AnswerAsync(NewConcern created, PublicUrls urls, EffectiveSettings settings, CancellationToken ct) => new
    {
        id = created.Id,
        reference = created.Reference,
        followUpLink = FollowUpLink(urls.Resolve((await settings.GetAsync(ct)).PublicBaseUrl.Value), created.FollowUpToken),
    };

    public static string FollowUpPath(string token) => $"/concerns/follow-up/{token}";

    public static string FollowUpLink(string baseUrl, string token) => baseUrl.TrimEnd('/') + FollowUpPath(token);
}
