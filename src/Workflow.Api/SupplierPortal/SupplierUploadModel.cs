using Workflow.Api.Extensions;
using Workflow.Api.Campaigns;
using Workflow.Api.Cases;
using Workflow.Api.Errors;
using Workflow.Api.Escalations;
using Workflow.Api.Health;
using Workflow.Api.Policies;
using Workflow.Api.Reference;
using Workflow.DevHost.Demo;
using Workflow.Cmrt.Evaluation;

namespace Workflow.Api.SupplierPortal;

/// <summary>What the checker said about the file just uploaded: the outcome and the findings for the supplier.</summary>
public sealed record SupplierUploadResult(string Outcome, IReadOnlyList<SupplierFinding> Findings);

/// <summary>A finding as the supplier reads it: in the supplier's language, the place in plain words ("Smelter List, row 79").</summary>
public sealed record SupplierFinding(string Severity, string Place, string Message)
{
    public static SupplierFinding From(Workflow.Application.Queries.FindingLine f, string language) =>
        // Stored severities are the enum's names ("Error", "RedFlag", "Warning"); the page speaks the wire form.
        new((Enum.TryParse<Workflow.Cmrt.Evaluation.FindingSeverity>(f.Severity, out var severity) ? severity : Workflow.Cmrt.Evaluation.FindingSeverity.Warning).ToWire(),
            Workflow.Cmrt.Evaluation.FindingTexts.Place(f.Location, language),
            Workflow.Cmrt.Evaluation.FindingTexts.Message(f.Code, f.Message, f.Arguments, language));

    public static SupplierFinding From(Workflow.Cmrt.Evaluation.Finding f, string language) =>
        new(f.Severity.ToWire(), Workflow.Cmrt.Evaluation.FindingTexts.Place(f.Location, language),
            Workflow.Cmrt.Evaluation.FindingTexts.Message(f, language));
}

/// <summary>
/// The supplier's upload page: the case, the form, and above it what the supplier must do first (<see cref="Alert"/>)
/// or what became of the last upload (<see cref="Result"/>).
/// </summary>
/// <param name="Confirmable">Last year's valid CMRT, when the supplier may confirm it instead of uploading.</param>
public sealed record SupplierUploadModel(SupplierCaseView Case, string Token, string? Alert = null, SupplierUploadResult? Result = null,
    Workflow.Application.Confirmations.PreviousDeclaration? Confirmable = null);

/// <summary>A page that only says why the link or the upload cannot be used, in the supplier's language.</summary>
public sealed record SupplierProblemModel(string Title, string Text, string Language)
{
    public SupplierTexts Texts => SupplierTexts.For(Language);
}
