namespace Workflow.Cmrt.Reading;

internal sealed record DetectedVersion(string Template, string Version, int Family);
