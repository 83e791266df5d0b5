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
    public const string UsageLine = "usage: workflow cmrt check [--json] [--policy PATH] [--reference PATH] [--as-of YYYY-MM-DD] FILE...";

    private const string Usage = UsageLine + """


        Reads each CMRT (any version 2.00-6.x, .xlsx or .xls), checks it as the template's Checker and the policy do,
        and reports the outcome: accepted, red-flag, invalid or unreadable.

          --json               one JSON line per file (findings in the order found) instead of the readable report
                               (red flags, then errors, then warnings)
          --policy PATH        a policy YAML file instead of the built-in default policy
          --reference PATH     a smelter reference list (file or directory); default: $WORKFLOW_REFERENCE_LIST,
                               else shared/data/reference found above the working directory
          --as-of YYYY-MM-DD   the date effective dates are checked against (default: today, UTC)
          -h, --help           show this help

        Exit code: 0 every file was read, 1 a file was unreadable, 2 usage error.
        """;

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CheckArguments.TryParse(args, out var options, out var error))
        {
            stderr.WriteLine(error);
            stderr.WriteLine(UsageLine);
            return CommandDispatcher.UsageError;
        }
        if (options.Help)
        {
            // Asked for, so it is output rather than an error: it goes to stdout and the exit code is 0.
            stdout.WriteLine(Usage);
            return 0;
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
