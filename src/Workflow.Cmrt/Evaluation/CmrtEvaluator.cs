using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Reading;

namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// Read → check → assess: the one evaluation the CLI, the upload endpoint and the simulation share. The assessor is
/// the NRules policy (rules/); this library only reads and checks, so it has no risk logic of its own.
/// </summary>
public sealed class CmrtEvaluator(CmrtReaderOptions readerOptions, IDeclarationAssessor assessor) : IDeclarationEvaluator
{
    public CmrtReaderOptions ReaderOptions { get; } = readerOptions;

    public DeclarationEvaluation Evaluate(Stream workbook, DateOnly asOf) => Evaluate(CmrtReader.Read(workbook, ReaderOptions), asOf);

    public DeclarationEvaluation Evaluate(CmrtReadResult read, DateOnly asOf)
    {
        if (read.Declaration is not { } declaration)
            return new DeclarationEvaluation
            {
                Outcome = Outcome.Unreadable,
                Findings = [new Finding(FindingCodes.Unreadable, FindingSeverity.Error, "file", read.UnreadableReason ?? "The file could not be read.", CheckerRules.Reader)
                {
                    Arguments = new Dictionary<string, string> { ["reason"] = read.UnreadableReason ?? "The file could not be read." },
                }],
                ReferenceListVersion = ReaderOptions.ReferenceList.Version,
            };
        var checkerFindings = CmrtChecker.Check(declaration, asOf);
        if (declaration.IsEmptyTemplate)
            // Nothing is declared, so there is nothing for the policy to assess: no smelters, no program, no determination.
            return new DeclarationEvaluation
            {
                Outcome = Outcome.Invalid,
                Declaration = declaration,
                Findings = checkerFindings,
                ReferenceListVersion = ReaderOptions.ReferenceList.Version,
            };
        var assessed = assessor.Assess(declaration, checkerFindings, asOf);
        // A policy may add findings but cannot lift the checker's verdict: precedence is unreadable > invalid > red-flag > accepted.
        var floor = OutcomeRules.From(checkerFindings);
        return assessed with
        {
            Outcome = (Outcome)Math.Max((int)assessed.Outcome, (int)floor),
            Declaration = assessed.Declaration ?? declaration,
            ReferenceListVersion = assessed.ReferenceListVersion ?? ReaderOptions.ReferenceList.Version,
        };
    }
}
