namespace Workflow.Application.Submissions;

/// <summary>A stored submission as it is served: a name and type chosen by the service, the bytes as received.</summary>
public sealed record StoredFile(string FileName, string ContentType, byte[] Content);
