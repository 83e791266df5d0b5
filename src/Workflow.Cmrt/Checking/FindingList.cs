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

    /// <param name="arguments">The message's values by placeholder name, for its translations (<see cref="FindingTexts"/>).</param>
    public void Error(string code, string location, string message, string rule, IReadOnlyDictionary<string, string>? arguments = null)
    {
        arguments ??= new Dictionary<string, string>();
        if (TemplateRequirements.For(code) is { } requirement && !requirement.IsAskedIn(_version))
            _items.Add(new Finding(code, FindingSeverity.Warning, location,
                $"{message} (Your CMRT {declaration.Version} does not require this, so it is a warning only; the template asks for it in revisions {requirement.Revisions}.)", rule)
            {
                Arguments = new Dictionary<string, string>(arguments)
                {
                    [FindingTexts.WarningOnlyVersion] = declaration.Version, [FindingTexts.WarningOnlyRevisions] = requirement.Revisions,
                },
            });
        else
            _items.Add(new Finding(code, FindingSeverity.Error, location, message, rule) { Arguments = arguments });
    }

    public void Warning(string code, string location, string message, string rule, IReadOnlyDictionary<string, string>? arguments = null) =>
        _items.Add(new Finding(code, FindingSeverity.Warning, location, message, rule) { Arguments = arguments ?? new Dictionary<string, string>() });

    /// <summary>A finding's arguments; a null value is left out (the translation then does without it).</summary>
    public static IReadOnlyDictionary<string, string> Args(params (string Name, object? Value)[] values) =>
        values.Where(v => v.Value is not null)
            .ToDictionary(v => v.Name, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
}
