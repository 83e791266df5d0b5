using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Domain.Security;
using Workflow.IntegrationTests.Infrastructure;
using Workflow.Rules;

namespace Workflow.IntegrationTests.Pages;

/// <summary>The rules page's policy form (saved as a draft through the same service as YAML) and the rule catalogue.</summary>
public partial class PolicyFormPageTests : IClassFixture<PolicyFormPageTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new(settings: new Dictionary<string, string?> { ["Pages:LoginAttemptsPerMinute"] = "10000" });
        public void Dispose() => Workflow.Dispose();
    }

    private readonly WorkflowApp _app;
    public PolicyFormPageTests(App app) => _app = app.Workflow;

    [Fact]
    public async Task PostingTheFormAsRendered_SavesADraftEqualToTheSourceVersion_ApartFromItsName()
    {
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var fields = FormFields(await owner.GetHtmlAsync("/rules?edit=2026-strict"));
        var version = Assert.Single(fields, f => f.Key == "version").Value;
        Assert.StartsWith("2026-strict-", version);

        var response = await owner.Http.PostAsync("/rules/form", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("draft", await _app.ScalarTextAsync($"select status from workflow.policy_versions where version = '{version}'"));
        var draft = await ResolvedAsync(version);
        var source = await ResolvedAsync("2026-strict");
        Assert.Equal("2026-strict", draft["extends"]!.GetValue<string>());
        foreach (var metadata in new[] { "version", "extends" })
        {
            draft.Remove(metadata);
            source.Remove(metadata);
        }
        Assert.True(JsonNode.DeepEquals(source, draft), $"source {source.ToJsonString()}\ndraft  {draft.ToJsonString()}");
    }

    [Fact]
    public async Task AChangedThresholdAndAnAddedCahraCountry_EndUpInTheDraft_AndThePageNamesIt()
    {
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var fields = FormFields(await owner.GetHtmlAsync("/rules"))
            .Where(f => f.Key is not ("version" or "minimumSupplierResponseRate" or "reason")).ToList();
        fields.AddRange([new("version", "form-stricter"), new("minimumSupplierResponseRate", "90"), new("cahraCountries", "MM"), new("reason", "Myanmar tin")]);

        var response = await owner.Http.PostAsync("/rules/form", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/rules?saved=form-stricter#draft-form-stricter", response.Headers.Location!.OriginalString);
        var page = await owner.GetHtmlAsync("/rules?saved=form-stricter");
        Assert.Contains("Saved draft form-stricter", page);
        Assert.Contains("id=\"draft-form-stricter\"", page);
        Assert.Contains("id=\"sim-form-stricter\"", page);
        var draft = await ResolvedAsync("form-stricter");
        Assert.Equal(90, draft["minimumSupplierResponseRate"]!.GetValue<int>());
        Assert.Equal(["MM"], draft["cahraCountries"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(10, draft["coveredCountries"]!.AsArray().Count);
        Assert.Equal(1, await _app.ScalarAsync("select count(*) from workflow.policy_audit where version = 'form-stricter' and reason = 'Myanmar tin'"));
        // The draft's form shows what was saved.
        Assert.Matches("<input type=\"checkbox\" id=\"cahraCountries-MM\" name=\"cahraCountries\" value=\"MM\" checked", page);
    }

    [Fact]
    public async Task InvalidValues_AreShownNextToTheirFields_WithTheKeyPath_AndNothingIsStored()
    {
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var fields = FormFields(await owner.GetHtmlAsync("/rules"))
            .Where(f => f.Key is not ("version" or "minimumSupplierResponseRate")).ToList();
        fields.AddRange([new("version", "form-invalid"), new("minimumSupplierResponseRate", "150"),
            new("concernList[0].cid", "CID12"), new("concernList[0].reason", "reported by an NGO")]);

        var response = await owner.Http.PostAsync("/rules/form", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<ul class=\"field-errors\" id=\"error-minimumSupplierResponseRate\"><li>minimumSupplierResponseRate: &#x27;150&#x27; is not a percentage", html);
        Assert.Matches("<ul class=\"field-errors\" id=\"error-concern-0-cid\"><li>concernList\\[0\\].cid: malformed CID", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        // What was typed stays in the form.
        Assert.Contains("value=\"150\"", html);
        Assert.Contains("value=\"reported by an NGO\"", html);
        Assert.Equal(0, await _app.ScalarAsync("select count(*) from workflow.policy_versions where version = 'form-invalid'"));
    }

    [Fact]
    public async Task AManager_SeesTheSettingsReadOnly_AndCannotSaveThem()
    {
        var manager = await PageClient.SignedInAsync(_app, Roles.Manager);
        var page = await manager.GetHtmlAsync("/rules");
        Assert.Contains("<fieldset disabled class=\"policy-fields\">", page);
        Assert.DoesNotContain("Save the settings as a draft", page);

        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var rest = FormFields(await owner.GetHtmlAsync("/rules")).Where(f => f.Key is not ("version" or "__RequestVerificationToken"));
        var response = await manager.PostFormAsync("/rules", "/rules/form", new() { ["version"] = "form-by-manager" }, rest);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _app.ScalarAsync("select count(*) from workflow.policy_versions where version = 'form-by-manager'"));
    }

    [Fact]
    public async Task TheCatalogue_ListsEveryRule_WithItsStepAndEffect_AndTheYamlEditorIsStillThere()
    {
        var owner = await PageClient.SignedInAsync(_app, Roles.ComplianceOwner);
        var html = await owner.GetHtmlAsync("/rules");

        var table = html[html.IndexOf("<table id=\"catalogue\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(RuleCatalogue.RuleTypes.Count, Regex.Matches(table, "<tr class=\"step-").Count);
        foreach (var rule in RuleCatalogue.RuleTypes)
        {
            var entry = RuleCatalogue.Entries.Single(e => e.Rule == rule.Name);
            var row = Regex.Match(table, $"<tr class=\"step-(\\d)\">((?:(?!</tr>).)*<code class=\"rule-class\">{rule.Name}</code>(?:(?!</tr>).)*)</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, $"{rule.Name} is not in the catalogue");
            Assert.Equal(entry.Step.ToString(), row.Groups[1].Value);
            Assert.Contains(entry.Effect, WebUtility.HtmlDecode(row.Groups[2].Value));
        }
        // The default policy escalates a smelter in a covered country.
        Assert.Matches("(?s)<code class=\"rule-class\">CoveredCountrySmelterRaisesRedFlagRule</code>(?:(?!</tr>).)*effect-escalate", table);
        Assert.Contains("<details class=\"advanced\" id=\"advanced-yaml\"><summary>Advanced: edit as YAML</summary>", html);
        Assert.Contains("<textarea id=\"policy\" name=\"policy\"", html);
    }

    private async Task<JsonObject> ResolvedAsync(string version) =>
        JsonNode.Parse((await _app.ScalarTextAsync($"select resolved::text from workflow.policy_versions where version = '{version}'"))!)!.AsObject();

    /// <summary>What a browser would post from the policy form as rendered: text inputs, checked boxes, selected options.</summary>
    private static List<KeyValuePair<string, string>> FormFields(string html)
    {
        var start = html.IndexOf("<form method=\"post\" action=\"/rules/form\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Input().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null) continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type == "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal)) continue;
            fields.Add(new(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? "")));
        }
        foreach (Match select in Select().Matches(form))
        {
            var selected = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            fields.Add(new(select.Groups[1].Value, WebUtility.HtmlDecode(selected.Groups[1].Value)));
        }
        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $" {name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();
}
