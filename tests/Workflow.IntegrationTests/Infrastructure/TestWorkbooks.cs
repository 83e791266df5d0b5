using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>CMRT workbooks the tests generate (3.01 layout unless asked), instead of third-party files.</summary>
public static class TestWorkbooks
{
    /// <summary>Complete and acceptable under the default policy; its smelters are on no list the service holds.</summary>
    public static byte[] Accepted(string version = "3.01") => CmrtWorkbookWriter.Write(GeneratedDeclarations.Complete(version));

    /// <summary>No company name and a malformed contact e-mail: invalid, with a finding for each.</summary>
    public static byte[] Invalid(string version = "3.01") => CmrtWorkbookWriter.Write(GeneratedDeclarations.Invalid(version));

    /// <summary>A real workbook that is no CMRT (no Declaration sheet): stored, and invalid with the reader's finding.</summary>
    public static byte[] NotACmrt()
    {
        var writer = new XlsxWriter();
        writer.Sheet("Suppliers").Set("A1", "a workbook, though not a CMRT");
        return writer.ToBytes();
    }

    /// <summary>Tin sourced from the covered countries: a red flag.</summary>
    public static byte[] RedFlag(string version = "3.01") => CmrtWorkbookWriter.Write(GeneratedDeclarations.CoveredCountryTin(version));
}
