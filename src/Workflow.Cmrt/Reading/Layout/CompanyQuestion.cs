namespace Workflow.Cmrt.Reading.Layout;

/// <summary>A company-level question: letter in this version, meaning, answer row (column D, comment in G) and allowed answers.</summary>
internal sealed record CompanyQuestion(char Letter, CompanyTopic Topic, int Row, IReadOnlyList<string> Allowed);
