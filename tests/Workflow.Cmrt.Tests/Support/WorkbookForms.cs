using Workflow.Cmrt.Writing;
using Workflow.Tests.Shared;

namespace Workflow.Cmrt.Tests.Support;

/// <summary>The three physical forms a supplier's file comes in, from one spec.</summary>
public static class WorkbookForms
{
    public static byte[] InForm(CmrtWorkbookSpec spec, string form) => form switch
    {
        "xlsx" => CmrtWorkbookWriter.Write(spec),
        "xls" => BiffWorkbook.From(CmrtWorkbookWriter.Build(spec)),
        "encrypted" => EncryptedWorkbook.From(CmrtWorkbookWriter.Write(spec)),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "xlsx, xls or encrypted"),
    };
}
