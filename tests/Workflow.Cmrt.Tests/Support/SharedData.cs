using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Support;

/// <summary>
/// The real workbooks and lists of <see cref="RealFiles"/> (never copied into the repository); tests that use them
/// are marked <see cref="RealFilesFactAttribute"/> or <see cref="RealFilesTheoryAttribute"/>.
/// </summary>
public static class SharedData
{
    public static string Root => Path.GetDirectoryName(RealFiles.Required)!;
    public static string Cmrt(string relative) => Path.Combine(RealFiles.Required, "cmrt", relative);
    public static string Sample(string version, string name) => Cmrt(Path.Combine("ddm", version, name));
    public static string Template(string version) => Cmrt(Path.Combine("rmi-templates", $"RMI_CMRT_{version}.xlsx"));
    public static string ReferenceDirectory => Path.Combine(RealFiles.Required, "reference");
    public static string Reference(string file) => Path.Combine(ReferenceDirectory, file);

    public static readonly string[] Samples =
    [
        "2.03a/green.xlsx", "2.03a/high_risk.xlsx", "2.03a/validation_needed.xlsx", "2.03a/empty-encrypted.xlsx",
        "3.01/green.xlsx", "3.01/high_risk.xlsx", "3.01/validation_needed.xlsx", "3.01/empty-encrypted.xls",
    ];
}
