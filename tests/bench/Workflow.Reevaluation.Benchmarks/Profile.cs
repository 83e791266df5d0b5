using System.Diagnostics;
using System.Text.Json;
using Workflow.Application.Evaluation;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Assessment;
using Workflow.Rules.Bench;
using Workflow.Rules.Policies;

namespace Workflow.Reevaluation.Benchmarks;

/// <summary>
/// "profile N": the CPU cost of each step a re-evaluation takes per submission, without the database: read the stored
/// declaration, check, assess, write the evaluation. Tells where the time of the full run goes.
/// </summary>
public static class Profile
{
    public static void Run(int count)
    {
        var list = SyntheticData.ReferenceList(1500);
        var declarations = Submitted.Complete(SyntheticData.Declarations(count, list, 50, 300));
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var assessor = new PolicyAssessor(PolicyRuleSet.Compile(), PolicyLoader.Default, list);
        var stored = declarations.Select(SubmissionDeclarations.Serialize).ToArray();
        for (var pass = 1; pass <= 2; pass++)
        {
            var sw = Stopwatch.StartNew();
            var restored = stored.Select(b => SubmissionDeclarations.Deserialize(b)).ToArray();
            var read = sw.Elapsed; sw.Restart();
            var checks = restored.Select(d => CmrtChecker.Check(d, asOf)).ToArray();
            var check = sw.Elapsed; sw.Restart();
            var evaluations = restored.Select(d => ServiceDeclarationEvaluator.Evaluate(assessor, list, d, asOf)).ToArray();
            var evaluate = sw.Elapsed; sw.Restart();
            var json = evaluations.Select(e => JsonSerializer.Serialize(e, SubmissionService.EvaluationJson)).ToArray();
            var write = sw.Elapsed; sw.Restart();
            var slim = evaluations.Select(e => JsonSerializer.Serialize(e with { Declaration = null }, SubmissionService.EvaluationJson)).ToArray();
            var writeSlim = sw.Elapsed;
            Console.WriteLine($"pass {pass}, per submission: read declaration {Us(read)} µs ({stored.Average(b => b.Length) / 1024:0} KB), " +
                $"checker alone {Us(check)} µs, check+assess {Us(evaluate)} µs, evaluation JSON {Us(write)} µs ({json.Average(j => j.Length) / 1024:0} KB), " +
                $"without the declaration {Us(writeSlim)} µs ({slim.Average(j => j.Length) / 1024:0} KB); outcomes " +
                string.Join(", ", evaluations.GroupBy(e => e.Outcome).Select(g => $"{g.Key} {g.Count()}")) +
                "; errors: " + string.Join("; ", evaluations.SelectMany(e => e.Findings).Where(f => f.Severity == FindingSeverity.Error).GroupBy(f => f.Code).Select(g => $"{g.Key} {g.Count()}")));
        }

        double Us(TimeSpan t) => Math.Round(t.TotalMicroseconds / count);
    }
}
