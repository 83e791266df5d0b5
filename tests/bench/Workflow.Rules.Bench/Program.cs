using System.Diagnostics;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Assessment;
using Workflow.Rules.Bench;
using Workflow.Rules.Policies;

// Evaluates N synthetic declarations (50–300 smelter rows) against a 1,500-smelter reference list with the built-in
// policy, single-threaded and then on every core. Usage: [declarations] [referenceSize] [minRows] [maxRows]
var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var referenceSize = args.Length > 1 ? int.Parse(args[1]) : 1_500;
var minRows = args.Length > 2 ? int.Parse(args[2]) : 50;
var maxRows = args.Length > 3 ? int.Parse(args[3]) : 300;
var asOf = new DateOnly(2026, 3, 31);

var sw = Stopwatch.StartNew();
var references = SyntheticData.ReferenceList(referenceSize);
var declarations = SyntheticData.Declarations(count, references, minRows, maxRows);
var rows = declarations.Sum(d => d.Smelters.Count);
Console.WriteLine($"data: {count} declarations, {rows} smelter rows (avg {rows / (double)count:F0}), reference list {references.Count}; generated in {sw.ElapsedMilliseconds} ms");

sw.Restart();
var exclude = Environment.GetEnvironmentVariable("BENCH_EXCLUDE")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
var rules = exclude.Length == 0 ? PolicyRuleSet.Compile() : new PolicyRuleSet(t => !exclude.Any(x => t.FullName!.Contains(x)));
Console.WriteLine($"compile: {rules.RuleNames.Count} rules in {sw.ElapsedMilliseconds} ms");
var assessor = new PolicyAssessor(rules, PolicyLoader.Default, references);

if (Environment.GetEnvironmentVariable("BENCH_MODE") == "facts")
{
    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    for (var k = 0; k < 3; k++)
    {
        var c0 = Cpu();
        var w = Stopwatch.StartNew();
        var total = 0;
        foreach (var d in declarations) total += FactBuilder.Build(d, [], PolicyLoader.Default, references, asOf).Count;
        Console.WriteLine($"facts only: {w.Elapsed.TotalMilliseconds * 1000 / count:F0} µs each, CPU {(Cpu() - c0) * 1000 / count:F0} µs ({total})");
        c0 = Cpu();
        w.Restart();
        foreach (var d in declarations)
        {
            var session = rules.SessionFactory.CreateSession();
            session.InsertAll(FactBuilder.Build(d, [], PolicyLoader.Default, references, asOf));
        }
        Console.WriteLine($"facts + insert: {w.Elapsed.TotalMilliseconds * 1000 / count:F0} µs each, CPU {(Cpu() - c0) * 1000 / count:F0} µs");
        c0 = Cpu();
        w.Restart();
        foreach (var d in declarations)
        {
            var session = rules.SessionFactory.CreateSession();
            session.InsertAll(FactBuilder.Build(d, [], PolicyLoader.Default, references, asOf));
            session.Fire();
        }
        Console.WriteLine($"facts + insert + fire: {w.Elapsed.TotalMilliseconds * 1000 / count:F0} µs each, CPU {(Cpu() - c0) * 1000 / count:F0} µs");
    }
    return;
}
// Warm up until the JIT has settled (tiered compilation re-compiles hot methods after a few thousand calls).
foreach (var d in declarations.Take(Math.Min(count, 3_000))) assessor.Assess(d, [], asOf);

var results = new DeclarationEvaluation[count];
Run("single thread", () => { for (var i = 0; i < count; i++) results[i] = assessor.Assess(declarations[i], [], asOf); });
Run("single thread, again", () => { for (var i = 0; i < count; i++) results[i] = assessor.Assess(declarations[i], [], asOf); });
Run($"parallel ({Environment.ProcessorCount} cores)", () =>
    Parallel.For(0, count, i => results[i] = assessor.Assess(declarations[i], [], asOf)));
Run($"parallel ({Environment.ProcessorCount} cores), again", () =>
    Parallel.For(0, count, i => results[i] = assessor.Assess(declarations[i], [], asOf)));

var outcomes = results.GroupBy(r => r.Outcome.ToWire()).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
var determinations = results.GroupBy(r => r.Determination ?? "null").OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
Console.WriteLine($"outcomes: {string.Join(", ", outcomes)}");
Console.WriteLine($"determinations: {string.Join(", ", determinations)}");
Console.WriteLine($"findings: {results.Sum(r => r.Findings.Count)}, smelter assessments: {results.Sum(r => r.Smelters.Count)}, decisions: {results.Sum(r => r.Decisions.Count)}");

void Run(string label, Action action)
{
    GC.Collect();
    var gcBefore = GC.CollectionCount(0);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    watch.Stop();
    // CPU time is what to compare between runs on a shared machine: wall time also counts other people's builds.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine($"{label}: {count} declarations in {watch.Elapsed.TotalSeconds:F2} s = {count / watch.Elapsed.TotalSeconds:F0} declarations/s " +
        $"({watch.Elapsed.TotalMilliseconds * 1000 / count:F0} µs each; CPU {cpu.TotalMilliseconds * 1000 / count:F0} µs each = {count / cpu.TotalSeconds:F0} declarations per CPU-second; gen0 GCs {GC.CollectionCount(0) - gcBefore})");
}
