using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Reading;

/// <summary>Either a declaration or the reason the file could not be read.</summary>
public sealed record CmrtReadResult
{
    public CmrtDeclaration? Declaration { get; private init; }
    /// <summary>A message the supplier can act on, e.g. "the file is not an Excel workbook".</summary>
    public string? UnreadableReason { get; private init; }
    /// <summary>Template and version when they were recognised before reading failed (e.g. "EMRT", "4.10").</summary>
    public string? Template { get; private init; }
    public string? Version { get; private init; }

    public bool IsReadable => Declaration is not null;

    public static CmrtReadResult Read(CmrtDeclaration declaration) =>
        new() { Declaration = declaration, Template = declaration.Template, Version = declaration.Version };

    public static CmrtReadResult Unreadable(string reason, string? template = null, string? version = null) =>
        new() { UnreadableReason = reason, Template = template, Version = version };
}
