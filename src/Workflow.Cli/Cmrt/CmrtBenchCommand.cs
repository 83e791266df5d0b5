using System.Diagnostics;
using System.Globalization;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Reading;

namespace Workflow.Cli.Cmrt;

/// <summary>
/// <c>cmrt bench [--repeat N] [--rounds N] [--policy PATH] [--reference PATH] FILE...</c>: the full <c>cmrt check</c>
/// pipeline (read, check, assess with the NRules policy, built-in <c>default</c> unless --policy; no output) over FILE...
/// repeated N times, in one warm process. Compare with tests/bench/openpyxl_read.py over the same files
/// (docs/benchmarks-cmrt.md).
/// </summary>
public static class CmrtBenchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        int repeat = 1, rounds = 3;
        string? reference = null, policy = null;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out repeat): i++; break;
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out rounds): i++; break;
                case "--reference" when i + 1 < args.Length: reference = args[++i]; break;
                case "--policy" when i + 1 < args.Length: policy = args[++i]; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || !File.Exists(args[i]))
                    {
                        stderr.WriteLine($"bench: bad argument or missing file '{args[i]}'");
                        return CommandDispatcher.UsageError;
                    }
                    files.Add(args[i]);
                    break;
            }
        }
        if (files.Count == 0 || repeat < 1 || rounds < 1)
        {
            stderr.WriteLine("usage: workflow cmrt bench [--repeat N] [--rounds N] [--policy PATH] [--reference PATH] FILE...");
            return CommandDispatcher.UsageError;
        }

        var options = CmrtReaderOptions.Default with { ReferenceList = ReferenceListLocator.Resolve(reference) };
        var compile = Stopwatch.StartNew();
        if (CmrtPolicy.TryLoad(policy, options.ReferenceList, stderr) is not { } assessor) return CommandDispatcher.UsageError;
        stdout.WriteLine($"policy {assessor.Policy.Version}: rules compiled once in {compile.Elapsed.TotalMilliseconds:0} ms");
        var timed = new TimedAssessor(assessor);
        var evaluator = new CmrtEvaluator(options, timed);
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var batch = Enumerable.Repeat(files, repeat).SelectMany(f => f).ToList();

        var warm = Stopwatch.StartNew();
        foreach (var file in files) Evaluate(evaluator, file, asOf);
        stdout.WriteLine($"first call per file (includes JIT): {warm.Elapsed.TotalMilliseconds:0} ms for {files.Count} files");
        // Tiered JIT recompiles hot methods after ~30 calls on a background thread; measure after that settles.
        for (var i = 0; i < Math.Max(40, files.Count * 3); i++) Evaluate(evaluator, files[i % files.Count], asOf);

        var totals = new List<double>();
        var cpus = new List<double>();
        var assessing = new List<double>();
        var outcomes = new Dictionary<string, int>();
        for (var r = 0; r < rounds; r++)
        {
            timed.Elapsed = TimeSpan.Zero;
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var file in batch)
            {
                var outcome = Evaluate(evaluator, file, asOf).ToWire();
                if (r == 0) outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            totals.Add(sw.Elapsed.TotalMilliseconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            assessing.Add(timed.Elapsed.TotalMilliseconds);
        }
        totals.Sort();
        cpus.Sort();
        assessing.Sort();
        var median = totals[totals.Count / 2];
        using var process = Process.GetCurrentProcess();
        stdout.WriteLine($"batch: {batch.Count} files ({files.Count} distinct × {repeat}), {rounds} rounds");
        stdout.WriteLine($"total per round: min {totals[0]:0} ms, median {median:0} ms; per file: median {median / batch.Count:0.0} ms");
        stdout.WriteLine($"cpu per round: min {cpus[0]:0} ms, median {cpus[cpus.Count / 2]:0} ms (wall time suffers when other processes share the cores)");
        stdout.WriteLine($"of which policy assessment (wall): median {assessing[assessing.Count / 2]:0} ms per round ({assessing[assessing.Count / 2] / median:0.0%} of the median round), {assessing[assessing.Count / 2] * 1000 / batch.Count:0} µs per file");
        stdout.WriteLine($"outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}");
        stdout.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB; allocated: {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB");
        return 0;
    }

    /// <summary>Times the assessor alone, so the policy's share of a round can be told apart from reading and checking.</summary>
    private sealed class TimedAssessor(IDeclarationAssessor inner) : IDeclarationAssessor
    {
        public TimeSpan Elapsed { get; set; }

        public DeclarationEvaluation Assess(CmrtDeclaration declaration, IReadOnlyList<Finding> checkerFindings, DateOnly asOf)
        {
            var start = Stopwatch.GetTimestamp();
            try { return inner.Assess(declaration, checkerFindings, asOf); }
            finally { Elapsed += Stopwatch.GetElapsedTime(start); }
        }
    }

    private static Outcome Evaluate(CmrtEvaluator evaluator, string file, DateOnly asOf) =>
        evaluator.Evaluate(CmrtReader.Read(file, evaluator.ReaderOptions), asOf).Outcome;
}
