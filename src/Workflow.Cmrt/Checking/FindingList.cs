using Workflow.Cmrt.Evaluation;

namespace Workflow.Cmrt.Checking;

/// <summary>Collects findings with terse helpers so each check reads as a sentence.</summary>
internal sealed class FindingList
{
    private readonly List<Finding> _items = [];

    public IReadOnlyList<Finding> Items => _items;

    public void Error(string code, string location, string message, string rule) =>
        _items.Add(new Finding(code, FindingSeverity.Error, location, message, rule));

    public void Warning(string code, string location, string message, string rule) =>
        _items.Add(new Finding(code, FindingSeverity.Warning, location, message, rule));
}
