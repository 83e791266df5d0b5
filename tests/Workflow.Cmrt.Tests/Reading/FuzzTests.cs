using Workflow.Tests.Shared;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;
using Workflow.Cmrt.Tests.Support;

namespace Workflow.Cmrt.Tests.Reading;

/// <summary>
/// Seeded mutations of generated and real workbooks: whatever the bytes, reading and evaluating must return (readable or
/// unreadable) without an exception and within a bounded time. Seeds are fixed so a failure reproduces.
/// </summary>
public class FuzzTests
{
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(5);
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly CmrtReaderOptions Options = CmrtReaderOptions.Default with { TimeBudget = TimeSpan.FromSeconds(3) };
    // Mangled files go through the policy too: hostile input must not break the rules either.
    private static readonly CmrtEvaluator Evaluator = DefaultPolicy.Evaluator(Options);

    [RealFilesTheory]
    [InlineData("2.03a/green.xlsx", 1, 700)]
    [InlineData("3.01/high_risk.xlsx", 2, 700)]
    [InlineData("2.03a/empty-encrypted.xlsx", 3, 60)]
    [InlineData("3.01/empty-encrypted.xls", 4, 60)]
    public void Read_ByteMutationsOfRealWorkbook_NeverThrowsAndStaysBounded(string sample, int seed, int iterations)
    {
        ByteMutations(File.ReadAllBytes(SharedData.Cmrt("ddm/" + sample)), seed, iterations, sample);
    }

    [Theory]
    [InlineData("2.03a", "xlsx", 21, 500)]
    [InlineData("6.5", "xls", 22, 300)]
    [InlineData("3.01", "encrypted", 23, 60)]
    public void Read_ByteMutationsOfGeneratedWorkbook_NeverThrowsAndStaysBounded(string version, string form, int seed, int iterations)
    {
        ByteMutations(WorkbookForms.InForm(GeneratedDeclarations.Complete(version), form), seed, iterations, $"generated {version} {form}");
    }

    [Theory]
    [InlineData("6.5", 31, 400)]
    [InlineData("2.03a", 32, 300)]
    public void Read_ZipEntryMutationsOfGeneratedWorkbook_NeverThrowsAndStaysBounded(string version, int seed, int iterations)
    {
        var entries = Extract(WorkbookForms.InForm(GeneratedDeclarations.Complete(version), "xlsx"));
        EntryMutations(entries, entries.Keys.Where(k => k.StartsWith("xl/", StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal)).ToList(),
            seed, iterations, $"generated {version}");
    }

    [RealFilesTheory]
    [InlineData("3.01/green.xlsx", 11, 400)]
    [InlineData("2.03a/validation_needed.xlsx", 12, 300)]
    public void Read_ZipEntryMutationsOfRealWorkbook_NeverThrowsAndStaysBounded(string sample, int seed, int iterations)
    {
        var entries = Extract(File.ReadAllBytes(SharedData.Cmrt("ddm/" + sample)));
        EntryMutations(entries, entries.Keys.Where(k => k.StartsWith("xl/", StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal)
            && (k.Contains("workbook") || k.Contains("sharedStrings") || k.Contains("sheet4") || k.Contains("sheet5") || k.Contains("_rels"))).ToList(),
            seed, iterations, sample);
    }

    private static void ByteMutations(byte[] original, int seed, int iterations, string label)
    {
        var random = new Random(seed);
        var stats = new FuzzStats();
        for (var i = 0; i < iterations; i++)
        {
            var bytes = (byte[])original.Clone();
            MutateBytes(bytes, random, out var truncateAt);
            stats.Run(bytes.AsSpan(0, truncateAt).ToArray(), $"{label} seed {seed} iteration {i}");
        }
        stats.AssertBounded(iterations);
    }

    private static void EntryMutations(Dictionary<string, byte[]> entries, List<string> targets, int seed, int iterations, string label)
    {
        var random = new Random(seed);
        var stats = new FuzzStats();
        for (var i = 0; i < iterations; i++)
        {
            var mutated = new Dictionary<string, byte[]>(entries);
            var target = targets[random.Next(targets.Count)];
            mutated[target] = MutateXml(entries[target], random);
            if (random.Next(10) == 0) mutated.Remove(targets[random.Next(targets.Count)]);
            stats.Run(Pack(mutated), $"{label} seed {seed} iteration {i} part {target}");
        }
        stats.AssertBounded(iterations);
    }

    private sealed class FuzzStats
    {
        private readonly Stopwatch _total;
        private TimeSpan _slowest;
        private string _slowestCase = string.Empty;

        public FuzzStats()
        {
            // The first use of Evaluator compiles the rules, once per process: not a per-file cost, so before the clock.
            GC.KeepAlive(Evaluator);
            _total = Stopwatch.StartNew();
        }

        public int Readable { get; private set; }

        public void Run(byte[] bytes, string description)
        {
            var sw = Stopwatch.StartNew();
            CmrtReadResult result;
            DeclarationEvaluation evaluation;
            try
            {
                result = CmrtReader.Read(new MemoryStream(bytes), Options);
                evaluation = Evaluator.Evaluate(result, AsOf);
            }
            catch (Exception e)
            {
                Assert.Fail($"{description}: {e.GetType().Name} escaped: {e.Message}");
                return;
            }
            Assert.Equal(result.IsReadable, evaluation.Outcome != Outcome.Unreadable);
            if (!result.IsReadable) Assert.False(string.IsNullOrWhiteSpace(result.UnreadableReason), description);
            else Readable++;
            if (sw.Elapsed > _slowest) (_slowest, _slowestCase) = (sw.Elapsed, description);
        }

        public void AssertBounded(int iterations)
        {
            Assert.True(_slowest < PerFileLimit, $"slowest case {_slowestCase} took {_slowest}");
            Assert.True(_total.Elapsed < TimeSpan.FromSeconds(iterations * 0.25 + 10), $"{iterations} cases took {_total.Elapsed}");
        }
    }

    private static void MutateBytes(byte[] bytes, Random random, out int length)
    {
        length = bytes.Length;
        switch (random.Next(5))
        {
            case 0: // flip a few bits anywhere
                for (var k = random.Next(1, 8); k > 0; k--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // overwrite a run with random bytes
                var start = random.Next(bytes.Length);
                random.NextBytes(bytes.AsSpan(start, Math.Min(random.Next(1, 512), bytes.Length - start)));
                break;
            case 2: // truncate
                length = random.Next(1, bytes.Length);
                break;
            case 3: // damage the zip central directory / OLE2 header region at either end
                var at = random.Next(2) == 0 ? random.Next(Math.Min(512, bytes.Length)) : bytes.Length - 1 - random.Next(Math.Min(4096, bytes.Length));
                bytes[at] = (byte)random.Next(256);
                break;
            default: // set a 32-bit field to an extreme value (sizes, offsets, counts)
                var pos = random.Next(bytes.Length - 4);
                BitConverter.TryWriteBytes(bytes.AsSpan(pos, 4), random.Next(2) == 0 ? uint.MaxValue : (uint)random.Next());
                break;
        }
    }

    private static byte[] MutateXml(byte[] xml, Random random)
    {
        var text = Encoding.UTF8.GetString(xml);
        string[] inserts = ["<", ">", "</c>", "<row r=\"0\">", "<c r=\"A0\"/>", "<c r=\"XFE1\"><v>1</v></c>", "&amp;", "&bogus;", "\0", "<v>NaN</v>",
                            "<c r=\"D8\" t=\"s\"><v>999999999</v></c>", "<!DOCTYPE x>", "<row r=\"99999999999\">", "<si><t>x</t></si>", "r:id=\"rId999\""];
        switch (random.Next(4))
        {
            case 0:
                var at = random.Next(text.Length);
                return Encoding.UTF8.GetBytes(text.Insert(at, inserts[random.Next(inserts.Length)]));
            case 1:
                var start = random.Next(text.Length);
                return Encoding.UTF8.GetBytes(text.Remove(start, Math.Min(random.Next(1, 200), text.Length - start)));
            case 2:
                return xml[..random.Next(xml.Length)];
            default:
                var copy = (byte[])xml.Clone();
                for (var k = random.Next(1, 16); k > 0; k--) copy[random.Next(copy.Length)] = (byte)random.Next(32, 127);
                return copy;
        }
    }

    private static Dictionary<string, byte[]> Extract(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            entries[e.FullName] = m.ToArray();
        }
        return entries;
    }

    private static byte[] Pack(Dictionary<string, byte[]> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open()) s.Write(content);
        return buffer.ToArray();
    }
}
