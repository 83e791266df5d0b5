using Workflow.Api.Extensions;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;

namespace Workflow.Api.SupplierPortal;

/// <summary>What the checker said about the file just uploaded: the outcome and the findings for the supplier.</summary>
public sealed record SupplierUploadResult(string Outcome, IReadOnlyList<FindingView> Findings);

/// <summary>
/// The supplier's upload page: the case, the form, and above it what the supplier must do first (<see cref="Alert"/>)
/// or what became of the last upload (<see cref="Result"/>).
/// </summary>
/// <param name="Confirmable">Last year's valid CMRT, when the supplier may confirm it instead of uploading.</param>
public sealed record SupplierUploadModel(SupplierCaseView Case, string Token, string? Alert = null, SupplierUploadResult? Result = null,
    Workflow.Application.Confirmations.PreviousDeclaration? Confirmable = null);

/// <summary>A page that only says why the link or the upload cannot be used, in the supplier's language.</summary>
public sealed record SupplierProblemModel(string Title, string Text, string Language);
