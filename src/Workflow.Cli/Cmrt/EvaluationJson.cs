using System.Text.Encodings.Web;
using System.Text.Json;
using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Reading;

namespace Workflow.Cli.Cmrt;

/// <summary>The one-line JSON contract of <c>cmrt check --json</c> (scripts rely on its field names).</summary>
public static class EvaluationJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(string file, CmrtReadResult read, DeclarationEvaluation evaluation)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            var d = evaluation.Declaration;
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteString("template", d?.Template ?? read.Template);
            w.WriteString("version", d?.Version ?? read.Version);
            w.WriteString("outcome", evaluation.Outcome.ToWire());
            w.WriteString("company", d?.Company.Name);
            w.WriteString("scope", d is null ? null : Wire.Scope(d.Scope));
            w.WriteStartArray("metalsInScope");
            foreach (var m in d?.MetalsInScope ?? []) w.WriteStringValue(m.ToString().ToLowerInvariant());
            w.WriteEndArray();
            w.WriteString("programStrength", evaluation.ProgramStrength);
            w.WriteString("determination", evaluation.Determination);
            w.WriteString("policyVersion", evaluation.PolicyVersion);
            w.WriteString("referenceListVersion", evaluation.ReferenceListVersion);
            w.WriteStartArray("findings");
            foreach (var f in evaluation.Findings)
            {
                w.WriteStartObject();
                w.WriteString("code", f.Code);
                w.WriteString("severity", Wire.Severity(f.Severity));
                w.WriteString("location", f.Location);
                w.WriteString("message", f.Message);
                w.WriteString("rule", f.Rule);
                // Policy findings say which step, policy version and reason; the checker's have none of these.
                if (f.OecdStep is { } step) w.WriteNumber("oecdStep", step);
                if (f.PolicyVersion is not null) w.WriteString("policyVersion", f.PolicyVersion);
                if (f.Because is not null) w.WriteString("because", f.Because);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("smelters");
            foreach (var s in evaluation.Smelters)
            {
                w.WriteStartObject();
                w.WriteString("metal", s.Metal.ToLowerInvariant());
                w.WriteString("name", s.Name);
                w.WriteString("country", s.Country);
                w.WriteString("cid", s.Cid);
                w.WriteString("status", s.Status);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
