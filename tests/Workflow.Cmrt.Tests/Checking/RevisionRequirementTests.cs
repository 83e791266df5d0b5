using Workflow.Cmrt.Checking;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Tests.Support;
using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Checking;

/// <summary>
/// A supplier is held to the rules of the template revision they filled in: what their revision's Checker, data
/// validation or question text asks for is an error; what only later revisions ask for is a warning that says so.
/// </summary>
public class RevisionRequirementTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static DeclarationEvaluation Evaluate(CmrtWorkbookSpec spec) =>
        DefaultPolicy.Evaluator(GeneratedDeclarations.ReaderOptions).Evaluate(new MemoryStream(CmrtWorkbookWriter.Write(spec)), AsOf);

    private static Finding Only(DeclarationEvaluation evaluation, string code) =>
        Assert.Single(evaluation.Findings, f => f.Code == code);

    [Theory]
    [InlineData("2.00", FindingSeverity.Warning, "Declaration!G61")]
    [InlineData("2.01", FindingSeverity.Warning, "Declaration!G61")]
    [InlineData("2.03a", FindingSeverity.Warning, "Declaration!G61")]
    [InlineData("3.00", FindingSeverity.Error, "Declaration!G71")]
    [InlineData("3.01", FindingSeverity.Error, "Declaration!G71")]
    [InlineData("6.01", FindingSeverity.Error, "Declaration!G77")]
    [InlineData("6.5", FindingSeverity.Error, "Declaration!G77")]
    public void Evaluate_PolicyPublicWithoutUrl_ErrorOnlyFromTheRevisionThatAsksForTheUrl(string version, FindingSeverity expected, string cell)
    {
        var evaluation = Evaluate(GeneratedDeclarations.Complete(version) with { CompanyComments = [null, "see our website"] });

        var finding = Only(evaluation, FindingCodes.PolicyUrlMissing);
        Assert.Equal((expected, cell), (finding.Severity, finding.Location));
        Assert.Equal(expected == FindingSeverity.Error ? Outcome.Invalid : Outcome.Accepted, evaluation.Outcome);
        if (expected == FindingSeverity.Warning)
            Assert.Contains($"Your CMRT {version} does not require this", finding.Message);
    }

    [Theory]
    [InlineData("2.03a", "jane@example", FindingSeverity.Error)]      // 2.x validation: a '.' after the '@'
    [InlineData("3.01", "jane@example", FindingSeverity.Warning)]     // 3.01 checks no e-mail format
    [InlineData("3.01", "jane.doe.example", FindingSeverity.Warning)]
    [InlineData("6.22", "jane.doe.example", FindingSeverity.Error)]   // 6.x Checker: "Provide a valid email"
    [InlineData("6.5", "jane@example", FindingSeverity.Error)]
    public void Evaluate_MalformedContactEmail_SeverityFromTheRevisionsOwnRule(string version, string email, FindingSeverity expected)
    {
        var evaluation = Evaluate(GeneratedDeclarations.Complete(version) with { ContactEmail = email });

        var finding = Only(evaluation, FindingCodes.EmailInvalid);
        Assert.Equal((expected, "Declaration!D16"), (finding.Severity, finding.Location));
        Assert.Contains(email, finding.Message);
    }

    [Theory]
    [InlineData("2.03a", FindingSeverity.Warning)]
    [InlineData("3.01", FindingSeverity.Warning)]
    [InlineData("6.01", FindingSeverity.Error)]
    [InlineData("6.5", FindingSeverity.Error)]
    public void Evaluate_InScopeMetalWithoutSmelterRow_PerMetalRuleOnlyFrom6(string version, FindingSeverity expected)
    {
        var spec = GeneratedDeclarations.Complete(version);
        var evaluation = Evaluate(spec with { Smelters = spec.Smelters.Where(s => s.Metal != "Tin").ToList() });

        var finding = Only(evaluation, FindingCodes.SmelterMissingForMetal);
        Assert.Equal(expected, finding.Severity);
        Assert.Contains("tin", finding.Message);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.SmelterListEmpty);
    }

    [Theory]
    [InlineData("2.00")]
    [InlineData("3.01")]
    [InlineData("6.5")]
    public void Evaluate_MetalsInScopeButNoSmelterAtAll_OneErrorInEveryRevision(string version)
    {
        var evaluation = Evaluate(GeneratedDeclarations.Complete(version) with { Smelters = [] });

        var finding = Only(evaluation, FindingCodes.SmelterListEmpty);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("tantalum, tin, gold and tungsten are in scope", finding.Message);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.SmelterMissingForMetal);
        Assert.Equal(Outcome.Invalid, evaluation.Outcome);
    }

    [Theory]
    [InlineData("2.03a", FindingSeverity.Warning)]
    [InlineData("3.01", FindingSeverity.Error)]
    [InlineData("6.5", FindingSeverity.Error)]
    public void Evaluate_ContactPhoneMissing_RequiredFrom3(string version, FindingSeverity expected)
    {
        var spec = GeneratedDeclarations.Complete(version) with { ContactPhone = null };
        // 2.x keeps the representative's phone where later revisions keep the contact's; both are in D17.
        var evaluation = Evaluate(version.StartsWith('2') ? spec with { AuthorizerPhone = null } : spec);

        if (expected == FindingSeverity.Warning)
            Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.RequiredContactPhone && f.Severity == FindingSeverity.Error);
        else
            Assert.Equal(expected, Only(evaluation, FindingCodes.RequiredContactPhone).Severity);
    }

    [RealFilesFact]
    public void Evaluate_Real203aWithPolicyPublicAndNoUrl_AcceptedWithWarning()
    {
        var path = new TemplateFiller().Declaration("G61", null).Save(SharedData.Sample("2.03a", "green.xlsx"), _temp.Path);

        var evaluation = DefaultPolicy.Evaluator().Evaluate(File.OpenRead(path), AsOf);

        Assert.Equal(Outcome.Accepted, evaluation.Outcome);
        Assert.Equal(FindingSeverity.Warning, Only(evaluation, FindingCodes.PolicyUrlMissing).Severity);
    }

    [RealFilesFact]
    public void Evaluate_Real301WithPolicyPublicAndNoUrl_Invalid()
    {
        var path = new TemplateFiller().Declaration("G71", null).Save(SharedData.Sample("3.01", "green.xlsx"), _temp.Path);

        var evaluation = DefaultPolicy.Evaluator().Evaluate(File.OpenRead(path), AsOf);

        Assert.Equal(Outcome.Invalid, evaluation.Outcome);
        Assert.Equal(FindingSeverity.Error, Only(evaluation, FindingCodes.PolicyUrlMissing).Severity);
    }

    /// <summary>The findings that are only ever warnings; every other code is an error some revision asks for.</summary>
    private static readonly string[] WarningOnlyCodes =
    [
        FindingCodes.SmelterUnmatched, FindingCodes.SmelterNotYetIdentified, FindingCodes.SmelterMetalNotInScope,
        FindingCodes.InconsistentAnswers, FindingCodes.Unreadable,
    ];

    public static TheoryData<string> ErrorCodes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(FindingCodes).GetFields())
            if (field.GetValue(null) is string code && !WarningOnlyCodes.Contains(code)) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void EveryError_NamesTheRevisionsThatAskForItAndFindingsMdSaysTheSame(string code)
    {
        var requirement = TemplateRequirements.For(code);

        Assert.NotNull(requirement);
        Assert.NotEmpty(requirement.AskedIn);
        var row = File.ReadLines(Findings.Path).SingleOrDefault(l => l.StartsWith($"| `{code}` |", StringComparison.Ordinal));
        Assert.True(row is not null, $"FINDINGS.md has no row for {code}");
        Assert.Contains(requirement.Revisions, row);
    }

    private static class Findings
    {
        public static string Path { get; } = Find();

        private static string Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Workflow.sln")))
                    return System.IO.Path.Combine(dir.FullName, "src", "Workflow.Cmrt", "FINDINGS.md");
            throw new InvalidOperationException("Workflow.sln not found above the test binaries.");
        }
    }
}
