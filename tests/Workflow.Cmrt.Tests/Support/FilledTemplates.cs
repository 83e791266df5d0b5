namespace Workflow.Cmrt.Tests.Support;

/// <summary>A complete, acceptable 6.x declaration (company scope, all metals in scope, one listed smelter per metal).</summary>
public static class FilledTemplates
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);
    public static readonly string[] Versions = ["6.01", "6.22", "6.5"];

    public static TemplateFiller Valid()
    {
        var f = new TemplateFiller()
            .Declaration("D8", "Acme Components Ltd")
            .Declaration("D9", "A. Company")
            .Declaration("D15", "Jane Doe")
            .Declaration("D16", "jane.doe@acme.example")
            .Declaration("D17", "+1 555 0100")
            .Declaration("D18", "John Roe")
            .Declaration("D19", "CEO")
            .Declaration("D20", "john.roe@acme.example")
            .Declaration("D22", new DateOnly(2025, 1, 15));
        for (var i = 0; i < 4; i++)
        {
            f.Declaration($"D{26 + i}", "Yes").Declaration($"D{32 + i}", "Yes").Declaration($"D{38 + i}", "No")
             .Declaration($"D{44 + i}", "No").Declaration($"D{50 + i}", "No").Declaration($"D{56 + i}", "100%")
             .Declaration($"D{62 + i}", "Yes").Declaration($"D{68 + i}", "Yes");
        }
        f.Declaration("D75", "Yes").Declaration("D77", "Yes").Declaration("G77", "https://acme.example/responsible-minerals")
         .Declaration("D79", "Yes").Declaration("D81", "Yes").Declaration("D83", "Yes, in conformance with IPC1755 (e.g., CMRT)")
         .Declaration("D85", "Yes").Declaration("D87", "Yes").Declaration("D89", "No");
        f.Smelter("B5", "Tantalum").Smelter("C5", "F&X Electro-Materials Ltd.")
         .Smelter("B6", "Tin").Smelter("C6", "Alpha Metals")
         .Smelter("B7", "Gold").Smelter("C7", "8853 S.p.A.")
         .Smelter("B8", "Tungsten").Smelter("C8", "A.L.M.T. Corp.");
        return f;
    }
}
