namespace Workflow.Cmrt.Tests.Support;

/// <summary>
/// The real workbooks live in a "shared" folder beside the repository root (never copied into the repository);
/// found by walking up from the test assembly directory.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "cmrt");
            if (Directory.Exists(candidate)) return Path.Combine(dir.FullName, "shared");
        }
        throw new DirectoryNotFoundException("No shared/data/cmrt folder found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;
    public static string Cmrt(string relative) => Path.Combine(Root, "data", "cmrt", relative);
    public static string Sample(string version, string name) => Cmrt(Path.Combine("ddm", version, name));
    public static string Template(string version) => Cmrt(Path.Combine("rmi-templates", $"RMI_CMRT_{version}.xlsx"));
    public static string ReferenceDirectory => Path.Combine(Root, "data", "reference");
    public static string Reference(string file) => Path.Combine(ReferenceDirectory, file);

    public static readonly string[] Samples =
    [
        "2.03a/green.xlsx", "2.03a/high_risk.xlsx", "2.03a/validation_needed.xlsx", "2.03a/empty-encrypted.xlsx",
        "3.01/green.xlsx", "3.01/high_risk.xlsx", "3.01/validation_needed.xlsx", "3.01/empty-encrypted.xls",
    ];
}
