using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Reference;

namespace Workflow.Cli.Cmrt;

/// <summary>
/// <c>cmrt check [--json] [--policy PATH] [--reference PATH] [--as-of YYYY-MM-DD] FILE...</c>.
/// Exit 0 when every file was processed, 1 when any was unreadable, 2 on usage errors.
/// </summary>
public sealed class CmrtCheckCommand
{
    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CheckArguments.TryParse(args, out var options, out var error))
        {
            stderr.WriteLine(error);
            stderr.WriteLine("usage: workflow cmrt check [--json] [--policy PATH] [--reference PATH] [--as-of YYYY-MM-DD] FILE...");
            return CommandDispatcher.UsageError;
        }
        SmelterReferenceList reference;
        try { reference = ReferenceListLocator.Resolve(options.ReferencePath); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"reference list could not be loaded: {e.Message}");
            return CommandDispatcher.UsageError;
        }

        // The same NRules policy the service applies: the built-in default, or the file given with --policy.
        if (CmrtPolicy.TryLoad(options.PolicyPath, reference, stderr) is not { } assessor) return CommandDispatcher.UsageError;
        var readerOptions = CmrtReaderOptions.Default with { ReferenceList = reference };
        var evaluator = new CmrtEvaluator(readerOptions, assessor);
        var anyUnreadable = false;
        foreach (var file in options.Files)
        {
            var read = CmrtReader.Read(file, readerOptions);
            var evaluation = evaluator.Evaluate(read, options.AsOf);
            anyUnreadable |= evaluation.Outcome == Outcome.Unreadable;
            if (options.Json) stdout.WriteLine(EvaluationJson.Line(file, read, evaluation));
            else EvaluationReport.Write(stdout, file, read, evaluation);
        }
        return anyUnreadable ? 1 : 0;
    }
}
