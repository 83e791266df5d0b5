using System.Text.RegularExpressions;
using Workflow.Rules.Policies;

namespace Workflow.Rules.Tests;

/// <summary>The catalogue on the rules page is read from the rule classes; these keep it complete and truthful.</summary>
public class RuleCatalogueTests
{
    private static readonly HashSet<string> PolicyKeys =
    [
        "coveredCountries", "cahraCountries", "acceptableAuditStatuses", "concernList", "strongProgramCriteria",
        "minimumSupplierResponseRate", "redFlags",
    ];

    [Fact]
    public void EveryRule_HasCatalogueMetadata()
    {
        Assert.NotEmpty(RuleCatalogue.RuleTypes);
        Assert.True(RuleCatalogue.Undocumented.Count == 0,
            "Rules without [Catalogue(step, checks, effect)]: " + string.Join(", ", RuleCatalogue.Undocumented.Select(t => t.Name)));
        Assert.Equal(RuleCatalogue.RuleTypes.Count, RuleCatalogue.Entries.Count);
    }

    [Fact]
    public void EveryEntry_NamesItsOecdStep_FromTheFolderItLivesIn_AndSaysWhatItChecksAndDoes()
    {
        foreach (var type in RuleCatalogue.RuleTypes)
        {
            var entry = RuleCatalogue.Entries.Single(e => e.Rule == type.Name);
            var folderStep = int.Parse(Regex.Match(type.Namespace!, @"Step(\d)").Groups[1].Value);
            Assert.True(entry.Step == folderStep, $"{type.Name} lives in Step {folderStep} but its catalogue says {entry.Step}");
            Assert.False(string.IsNullOrWhiteSpace(entry.Checks), type.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.Effect), type.Name);
            Assert.NotEqual(type.Name, entry.Name);
        }
    }

    [Fact]
    public void PolicyKeysRead_AreKeysOfThePolicySchema_AndEveryRedFlagHasItsRule()
    {
        foreach (var entry in RuleCatalogue.Entries)
        {
            foreach (var key in entry.Reads)
            {
                var valid = PolicyKeys.Contains(key) || (key.StartsWith("redFlags.", StringComparison.Ordinal) && RedFlags.All.Contains(key["redFlags.".Length..]));
                Assert.True(valid, $"{entry.Rule} reads '{key}', which is not a policy key");
            }
            if (entry.Flag is { } flag) Assert.Contains($"redFlags.{flag}", entry.Reads);
        }
        Assert.Equal(RedFlags.All.Order(), RuleCatalogue.Entries.Where(e => e.Flag is not null).Select(e => e.Flag!).Order());
    }

    [Fact]
    public void CountryList_HoldsEveryCountry_AndTheCahraStartingSet()
    {
        Assert.True(Countries.All.Count > 240);
        Assert.Contains(("CD", Countries.NameOf("CD")), Countries.All);
        Assert.All(CahraReference.Codes, code => Assert.Contains(Countries.All, c => c.Code == code));
    }
}
