using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reference;
using Workflow.Application.Reference;

namespace Workflow.Application.Evaluation;

/// <summary>Makes the risk half of an evaluation for a reference list and a policy version.</summary>
public interface IAssessorFactory
{
    IDeclarationAssessor Create(SmelterReferenceList referenceList, string policyVersion);
}

/// <summary>An evaluator that honours the policy version a campaign is pinned to.</summary>
public interface IPolicyAwareEvaluator : IDeclarationEvaluator
{
    DeclarationEvaluation Evaluate(Stream workbook, DateOnly asOf, string policyVersion);
}

/// <summary>
/// The service's evaluator: the CMRT reader and checker with the active reference list, and the assessor for the
/// campaign's pinned policy. The CLI composes the same parts, so a file gets the same outcome everywhere.
/// </summary>
public sealed class ServiceDeclarationEvaluator(ReferenceListStore references, IAssessorFactory assessors, CmrtReaderOptions? readerOptions = null)
    : IPolicyAwareEvaluator
{
    public const string DefaultPolicy = "default";

    public DeclarationEvaluation Evaluate(Stream workbook, DateOnly asOf) => Evaluate(workbook, asOf, DefaultPolicy);

    public DeclarationEvaluation Evaluate(Stream workbook, DateOnly asOf, string policyVersion)
    {
        var list = references.Active();
        var options = (readerOptions ?? CmrtReaderOptions.Default) with { ReferenceList = list };
        return new CmrtEvaluator(options, assessors.Create(list, policyVersion)).Evaluate(workbook, asOf);
    }

    /// <summary>
    /// A declaration read earlier, checked and assessed again (re-evaluation): the same evaluator as for a file, minus
    /// the reading. Identifiers stay as resolved when the file was read; the list decides each smelter's status.
    /// </summary>
    public static DeclarationEvaluation Evaluate(IDeclarationAssessor assessor, SmelterReferenceList list, CmrtDeclaration declaration, DateOnly asOf) =>
        new CmrtEvaluator(CmrtReaderOptions.Default with { ReferenceList = list }, assessor).Evaluate(CmrtReadResult.Read(declaration), asOf);
}
