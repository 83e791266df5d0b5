using System.Text.Json;
using Workflow.Application.Evaluation;
using Workflow.Application.Submissions;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Writing;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.IntegrationTests.Reevaluation;

/// <summary>
/// A re-evaluation evaluates the declaration stored at submission time instead of the file, so the stored form must
/// lose nothing the checker or the policy reads: a round-tripped declaration evaluates exactly as the original.
/// </summary>
public class DeclarationRoundTripTests
{
    private static readonly DateOnly AsOf = new(2027, 1, 15);

    public static TheoryData<string, string> Generated()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in GeneratedDeclarations.Versions)
            foreach (var kind in new[] { "complete", "invalid", "covered-country" })
                data.Add(version, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Generated))]
    public void RoundTrippedDeclaration_GeneratedWorkbook_EvaluatesAsTheOriginal(string version, string kind)
    {
        var spec = kind switch
        {
            "complete" => GeneratedDeclarations.Complete(version),
            "invalid" => GeneratedDeclarations.Invalid(version),
            _ => GeneratedDeclarations.CoveredCountryTin(version),
        };
        AssertRoundTripEvaluatesIdentically(CmrtWorkbookWriter.Write(spec), GeneratedDeclarations.ReaderOptions);
    }

    public static TheoryData<string> RealWorkbooks()
    {
        var data = new TheoryData<string>();
        if (!RealFiles.Available) { data.Add("(none)"); return data; }
        foreach (var file in Directory.EnumerateFiles(SharedData.Path("cmrt"), "*.xls*", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(SharedData.Root, file));
        return data;
    }

    [RealFilesTheory]
    [MemberData(nameof(RealWorkbooks))]
    public void RoundTrippedDeclaration_RealWorkbook_EvaluatesAsTheOriginal(string file) =>
        AssertRoundTripEvaluatesIdentically(File.ReadAllBytes(Path.Combine(SharedData.Root, file)), CmrtReaderOptions.Default);

    private static void AssertRoundTripEvaluatesIdentically(byte[] workbook, CmrtReaderOptions options)
    {
        using var stream = new MemoryStream(workbook);
        var read = CmrtReader.Read(stream, options);
        if (read.Declaration is not { } original) return; // unreadable files have no declaration to keep
        var assessor = DefaultPolicy.Assessor(options.ReferenceList);

        var stored = SubmissionDeclarations.Serialize(original);
        var restored = SubmissionDeclarations.Deserialize(stored);

        Assert.Equal(Convert.ToBase64String(stored), Convert.ToBase64String(SubmissionDeclarations.Serialize(restored)));
        var before = new CmrtEvaluator(options, assessor).Evaluate(read, AsOf);
        var after = ServiceDeclarationEvaluator.Evaluate(assessor, options.ReferenceList, restored, AsOf);
        Assert.Equal(Json(before), Json(after));
    }

    private static string Json(DeclarationEvaluation e) => JsonSerializer.Serialize(e, SubmissionService.EvaluationJson);
}
