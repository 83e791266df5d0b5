using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.IntegrationTests.Infrastructure;

namespace Workflow.IntegrationTests.Suppliers;

/// <summary>The register takes exactly the six languages we write in; a regional form is stored as its language.</summary>
public class SupplierLanguageImportTests : IClassFixture<SupplierLanguageImportTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkflowApp Workflow { get; } = new();
        public void Dispose() => Workflow.Dispose();
    }

    private readonly HttpClient _owner;

    public SupplierLanguageImportTests(App app) => _owner = app.Workflow.ClientFor(WorkflowApp.OwnerKey);

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task UnknownLanguage_IsARowErrorNamingTheSix_AndRegionalFormsAreStoredAsTheirLanguage()
    {
        var bad = await _owner.PostAsync("/api/suppliers", Csv("code,name,email,country,language\nLG-1,Italia Srl,it@lang.example,IT,it\nLG-2,Fine,fine@lang.example,JP,ja\n"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = Assert.Single((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("language", error.GetProperty("field").GetString());
        Assert.Contains("en, de, zh, ja, es, fr", error.GetProperty("message").GetString());

        var ok = await _owner.PostAsync("/api/suppliers", Csv("code,name,email,country,language\nLG-3,Shanghai Ltd,sh@lang.example,CN,zh-CN\nLG-4,Madrid SA,md@lang.example,ES,ES\nLG-5,Default Ltd,df@lang.example,GB,\n"));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        foreach (var (code, language) in new[] { ("LG-3", "zh"), ("LG-4", "es"), ("LG-5", "en") })
        {
            var supplier = Assert.Single(await _owner.GetFromJsonAsync<JsonElement[]>($"/api/suppliers?q={code}") ?? []);
            Assert.Equal(language, supplier.GetProperty("language").GetString());
        }
    }
}
