using Workflow.Cmrt.Evaluation;
using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>
/// Collects findings with terse helpers so each check reads as a sentence. An error the declaration's own template
/// revision does not ask for (<see cref="TemplateRequirements"/>) is recorded as a warning that says so.
/// </summary>
internal sealed class FindingList(CmrtDeclaration declaration)
{
    private readonly List<Finding> _items = [];
    private readonly CmrtVersion _version = declaration.Revision;

    public IReadOnlyList<Finding> Items => _items;

    public void Error(string code, string location, string message, string rule)
    {
        if (TemplateRequirements.For(code) is { } requirement && !requirement.IsAskedIn(_version))
            _items.Add(new Finding(code, FindingSeverity.Warning, location,
                $"{message} (Your CMRT {declaration.Version} does not require this, so it is a warning only; the template asks for it in revisions {requirement.Revisions}.)", rule));
        else
            _items.Add(new Finding(code, FindingSeverity.Error, location, message, rule));
    }

    public void Warning(string code, string location, string message, string rule) =>
        _items.Add(new Finding(code, FindingSeverity.Warning, location, message, rule));
}
