using Workflow.Tests.Shared;
using System.Text.Json;
using Workflow.Cli;
using Workflow.Cli.Cmrt;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;
using Workflow.Cmrt.Tests.Support;
using Workflow.Cmrt.Writing;

namespace Workflow.Cmrt.Tests.Cli;

/// <summary>The <c>cmrt check</c> contract scripts rely on: JSON lines, exit codes, the policy hook.</summary>
public class CmrtCheckCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CommandDispatcher().Add("cmrt", "", CmrtCommands.Run).Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Check_JsonOverGeneratedDeclarations_OneLinePerFileWithItsOutcomeAndExit0()
    {
        using var temp = new TempDirectory();
        var reference = Path.Combine(temp.Path, "smelters.csv");
        File.WriteAllText(reference, GeneratedDeclarations.ListCsv());
        var files = new[]
        {
            (Spec: GeneratedDeclarations.Complete("2.03a"), Form: "xls", Outcome: "accepted"),
            (Spec: GeneratedDeclarations.CoveredCountryTin("3.01"), Form: "xlsx", Outcome: "red-flag"),
            (Spec: GeneratedDeclarations.Invalid("6.5"), Form: "encrypted", Outcome: "invalid"),
            (Spec: GeneratedDeclarations.Complete("6.5"), Form: "xlsx", Outcome: "accepted"),
            (Spec: WeakProgram("6.5"), Form: "xlsx", Outcome: "accepted"),
        }.Select((f, i) =>
        {
            var path = Path.Combine(temp.Path, $"{i}-{f.Spec.Version}.{(f.Form == "xls" ? "xls" : "xlsx")}");
            File.WriteAllBytes(path, WorkbookForms.InForm(f.Spec, f.Form));
            return (Path: path, f.Outcome);
        }).ToArray();

        var (exit, output, _) = Run(["cmrt", "check", "--json", "--as-of", "2025-06-30", "--reference", reference, .. files.Select(f => f.Path)]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var root = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(files[i].Path, root.GetProperty("file").GetString());
            Assert.Equal(files[i].Outcome, root.GetProperty("outcome").GetString());
            foreach (var name in new[] { "version", "company", "scope", "metalsInScope", "programStrength", "findings", "smelters" })
                Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
        }
        // Without --policy the findings come from the built-in default policy, named by rule and version.
        var redFlag = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("default", redFlag.GetProperty("policyVersion").GetString());
        var flag = Assert.Single(redFlag.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "red-flag");
        Assert.Equal(("CMRT-RED-FLAG-COVERED-COUNTRY-SOURCING", "CoveredCountrySourcingRaisesRedFlagRule", "default", 2),
            (flag.GetProperty("code").GetString(), flag.GetProperty("rule").GetString(), flag.GetProperty("policyVersion").GetString(), flag.GetProperty("oecdStep").GetInt32()));
        Assert.Equal("weak", JsonDocument.Parse(lines[4]).RootElement.GetProperty("programStrength").GetString());
        var accepted = JsonDocument.Parse(lines[3]).RootElement;
        Assert.Equal("strong", accepted.GetProperty("programStrength").GetString());
        Assert.Equal(["tantalum", "tin", "gold", "tungsten"], accepted.GetProperty("metalsInScope").EnumerateArray().Select(e => e.GetString()));
        var gold = accepted.GetProperty("smelters").EnumerateArray().Single(s => s.GetProperty("metal").GetString() == "gold");
        Assert.Equal(("CID000103", "conformant"), (gold.GetProperty("cid").GetString(), gold.GetProperty("status").GetString()));
    }

    /// <summary>A complete declaration whose company has no conflict-minerals policy (6.x question A = No).</summary>
    private static CmrtWorkbookSpec WeakProgram(string version)
    {
        var spec = GeneratedDeclarations.Complete(version);
        return spec with { CompanyAnswers = ["No", .. spec.CompanyAnswers.Skip(1)] };
    }

    [RealFilesFact]
    public void Check_JsonOverAllSamples_OneLinePerFileWithContractFieldsAndExit0()
    {
        var files = SharedData.Samples.Select(s => SharedData.Cmrt("ddm/" + s)).ToArray();

        var (exit, output, _) = Run(["cmrt", "check", "--json", "--as-of", "2025-06-30", "--reference", SharedData.ReferenceDirectory, .. files]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Length, lines.Length);
        var expected = new[] { "accepted", "red-flag", "invalid", "invalid", "accepted", "red-flag", "invalid", "invalid" };
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            Assert.Equal(files[i], root.GetProperty("file").GetString());
            Assert.Equal("CMRT", root.GetProperty("template").GetString());
            Assert.Equal(expected[i], root.GetProperty("outcome").GetString());
            foreach (var name in new[] { "version", "company", "scope", "metalsInScope", "programStrength", "findings", "smelters" })
                Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
            foreach (var f in root.GetProperty("findings").EnumerateArray())
            {
                Assert.Contains(f.GetProperty("severity").GetString(), new[] { "error", "warning", "red-flag" });
                Assert.StartsWith("CMRT-", f.GetProperty("code").GetString());
                Assert.False(string.IsNullOrEmpty(f.GetProperty("rule").GetString()));
            }
        }
    }

    [RealFilesFact]
    public void Check_JsonGreen301_CompanyScopeMetalsSmelters()
    {
        var (_, output, _) = Run("cmrt", "check", "--json", "--reference", SharedData.ReferenceDirectory, SharedData.Sample("3.01", "green.xlsx"));

        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("3.01", root.GetProperty("version").GetString());
        Assert.Equal("Green Status Pro", root.GetProperty("company").GetString());
        Assert.Equal("company", root.GetProperty("scope").GetString());
        Assert.Equal(["tantalum", "tin", "gold", "tungsten"], root.GetProperty("metalsInScope").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("strong", root.GetProperty("programStrength").GetString());
        var gold = root.GetProperty("smelters").EnumerateArray().Single(s => s.GetProperty("metal").GetString() == "gold");
        Assert.Equal(("CID000035", "conformant"), (gold.GetProperty("cid").GetString(), gold.GetProperty("status").GetString()));
    }

    [RealFilesFact]
    public void Check_UnreadableFileAmongOthers_Exit1AndUnreadableLine()
    {
        var junk = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(junk, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        try
        {
            var (exit, output, _) = Run("cmrt", "check", "--json", SharedData.Sample("3.01", "green.xlsx"), junk);

            Assert.Equal(1, exit);
            var last = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1]).RootElement;
            Assert.Equal("unreadable", last.GetProperty("outcome").GetString());
            Assert.Equal("CMRT-UNREADABLE", last.GetProperty("findings")[0].GetProperty("code").GetString());
        }
        finally { File.Delete(junk); }
    }

    [RealFilesFact]
    public void Check_TextReport_ShowsOutcomeAndFindings()
    {
        var (exit, output, _) = Run("cmrt", "check", SharedData.Sample("3.01", "validation_needed.xlsx"));

        Assert.Equal(0, exit);
        Assert.Contains("INVALID", output);
        Assert.Contains("CMRT-REQ-COMPANY-NAME", output);
        Assert.Contains("Declaration!D8", output);
        Assert.Contains("policy default", output);
    }

    [RealFilesFact]
    public void Check_TextReportOfHighRisk_NamesThePolicyRuleBehindEachRedFlag()
    {
        var (exit, output, _) = Run("cmrt", "check", "--as-of", "2025-06-30", SharedData.Sample("3.01", "high_risk.xlsx"));

        Assert.Equal(0, exit);
        Assert.Contains("RED-FLAG", output);
        var flags = output.Split('\n').Where(l => l.TrimStart().StartsWith("red-flag", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, flags.Count);
        Assert.All(flags, l => Assert.EndsWith("[CoveredCountrySourcingRaisesRedFlagRule, policy default]", l.TrimEnd()));
    }

    [Theory]
    [InlineData("cmrt", "check")]
    [InlineData("cmrt", "check", "--bogus", "x.xlsx")]
    [InlineData("cmrt", "check", "--as-of", "yesterday", "x.xlsx")]
    [InlineData("cmrt")]
    [InlineData("nosuchcommand")]
    public void Run_UsageError_Exit2(params string[] args) => Assert.Equal(2, Run(args).Exit);

    [RealFilesFact]
    public void Check_InvalidPolicyFile_Exit2NamingTheProblem()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"bad-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(policy, "version: bad\nextends: default\ncoveredCountries: [Atlantis]\n");
        try
        {
            var (exit, _, err) = Run("cmrt", "check", "--policy", policy, SharedData.Sample("3.01", "green.xlsx"));

            Assert.Equal(2, exit);
            Assert.Contains("Atlantis", err);
        }
        finally { File.Delete(policy); }
    }

    [RealFilesFact]
    public void Check_StricterPolicyFile_TurnsUnknownSmeltersIntoRedFlags()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"strict-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(policy, "version: strict-test\nextends: default\nredFlags:\n  smelterNotOnReferenceList: escalate\n");
        try
        {
            var (_, lenient, _) = Run("cmrt", "check", "--json", SharedData.Sample("3.01", "green.xlsx"));
            var (exit, strict, _) = Run("cmrt", "check", "--json", "--policy", policy, SharedData.Sample("3.01", "green.xlsx"));

            Assert.Equal(0, exit);
            Assert.Equal("accepted", JsonDocument.Parse(lenient).RootElement.GetProperty("outcome").GetString());
            Assert.Equal("red-flag", JsonDocument.Parse(strict).RootElement.GetProperty("outcome").GetString());
        }
        finally { File.Delete(policy); }
    }

    /// <summary>A red flag (tin from covered countries), errors (no company name) and a warning (a gold smelter not yet identified).</summary>
    private static CmrtWorkbookSpec MixedFindings()
    {
        var spec = GeneratedDeclarations.CoveredCountryTin("6.5");
        return spec with
        {
            CompanyName = null,
            Smelters = [.. spec.Smelters, new SmelterLine("Gold", "Smelter not yet identified", null, null, null, Source: null)],
        };
    }

    private static string[] FindingLines(string report) =>
        report.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  red-flag", StringComparison.Ordinal)
            || l.StartsWith("  error", StringComparison.Ordinal) || l.StartsWith("  warning", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Check_TextReport_RedFlagsFirstThenErrorsThenWarnings_JsonKeepsEveryFinding()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "mixed.xlsx");
        File.WriteAllBytes(file, WorkbookForms.InForm(MixedFindings(), "xlsx"));

        var (exit, text, _) = Run("cmrt", "check", "--as-of", "2025-06-30", file);
        var (_, json, _) = Run("cmrt", "check", "--json", "--as-of", "2025-06-30", file);

        Assert.Equal(0, exit);
        var severities = FindingLines(text).Select(l => l.TrimStart().Split(' ')[0]).ToList();
        // Each severity appears, and as one run in the order a reviewer acts on them.
        Assert.Equal(["red-flag", "error", "warning"], severities.Distinct());
        Assert.Equal(severities.OrderBy(s => s switch { "red-flag" => 0, "error" => 1, _ => 2 }), severities);
        // Sorting for people drops nothing: the JSON's findings are the same ones.
        var jsonFindings = JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString()!, Location: f.GetProperty("location").GetString()!, Message: f.GetProperty("message").GetString()!))
            .Distinct().ToList();
        Assert.Equal(jsonFindings.Count, severities.Count);
        Assert.All(jsonFindings, f => Assert.Single(FindingLines(text), l => l.Contains(f.Code) && l.Contains(f.Location) && l.Contains(f.Message)));
    }

    [Fact]
    public void Report_SameFindingTwice_PrintedOnceAndSortedBySeverity()
    {
        Finding F(string code, FindingSeverity severity, string location) => new(code, severity, location, $"{code} at {location}", "TestRule");
        var findings = new[]
        {
            F("CMRT-W", FindingSeverity.Warning, "Smelter List!C9"),
            F("CMRT-E", FindingSeverity.Error, "Declaration!D8"),
            F("CMRT-R", FindingSeverity.RedFlag, "Declaration!D39"),
            F("CMRT-E", FindingSeverity.Error, "Declaration!D8"),
            F("CMRT-E", FindingSeverity.Error, "Declaration!D16"),
            F("CMRT-R", FindingSeverity.RedFlag, "Declaration!D39"),
        };
        var evaluation = new DeclarationEvaluation { Outcome = Outcome.RedFlag, Findings = findings };
        var output = new StringWriter();

        EvaluationReport.Write(output, "supplier.xlsx", Workflow.Cmrt.Reading.CmrtReadResult.Unreadable("n/a"), evaluation);

        var lines = FindingLines(output.ToString()).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))).ToArray();
        Assert.Equal(["red-flag CMRT-R Declaration!D39", "error CMRT-E Declaration!D8", "error CMRT-E Declaration!D16", "warning CMRT-W Smelter"], lines);
    }

    [Fact]
    public void Check_UntouchedTemplate_ReadableReportSaysNothingIsDeclared()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "blank.xlsx");
        File.WriteAllBytes(file, CmrtWorkbookWriter.Write(new CmrtWorkbookSpec { Version = "6.5", Scope = null }));

        var (exit, output, _) = Run("cmrt", "check", "--as-of", "2025-06-30", file);

        Assert.Equal(0, exit);
        Assert.Contains(": INVALID", output);
        Assert.Contains("metals in scope: none", output);
        Assert.Contains("policy not run (nothing declared)", output);
        var finding = Assert.Single(FindingLines(output));
        Assert.Contains("CMRT-EMPTY-TEMPLATE", finding);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Check_Help_UsageOnStdoutAndExit0(string flag)
    {
        // A file that does not exist: help is printed instead of checking anything.
        var (exit, output, error) = Run("cmrt", "check", flag, "no-such-file.xlsx");

        Assert.Equal(0, exit);
        Assert.StartsWith("usage: workflow cmrt check", output);
        Assert.Contains("--json", output);
        Assert.Contains("--as-of YYYY-MM-DD", output);
        Assert.DoesNotContain("no-such-file", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Check_UnknownOption_Exit2WithUsageOnStderr()
    {
        var (exit, output, error) = Run("cmrt", "check", "--jsn", "x.xlsx");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("unknown option --jsn", error);
        Assert.Contains("usage: workflow cmrt check", error);
    }
}
