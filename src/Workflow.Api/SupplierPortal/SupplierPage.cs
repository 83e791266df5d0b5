using Workflow.Api.Pages.Layout;

namespace Workflow.Api.SupplierPortal;

/// <summary>The supplier's pages as endpoint results: the upload page, and the page that says why a link cannot be used.</summary>
public static class SupplierPage
{
    /// <param name="alert">What the supplier must do before uploading again (choose a file, send a workbook), above the form.</param>
    /// <param name="result">What the checker said about the file just uploaded.</param>
    /// <param name="confirmable">Last year's CMRT the supplier may confirm instead of uploading.</param>
    public static IResult Upload(SupplierCaseView c, string token, string? alert = null, SupplierUploadResult? result = null, int status = 200,
        Workflow.Application.Confirmations.PreviousDeclaration? confirmable = null) =>
        PageResult.Of<SupplierUploadPage, SupplierUploadModel>(new SupplierUploadModel(c, token, alert, result, confirmable), status);

    public static IResult Problem(int status, string title, string text, string language = "en") =>
        PageResult.Of<SupplierProblemPage, SupplierProblemModel>(new SupplierProblemModel(title, text, language), status);
}
