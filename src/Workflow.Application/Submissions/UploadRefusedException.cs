namespace Workflow.Application.Submissions;

/// <summary>A file refused on the spot: nothing stored, the case does not move, no e-mail goes out.</summary>
public abstract class UploadRefusedException(string message) : Exception(message);

/// <summary>The file is positively not a workbook (a PDF, an image, a Word file, ...).</summary>
public sealed class NotAWorkbookException(string fileName, string description)
    : UploadRefusedException($"'{fileName}' is {description}, not an Excel workbook. Send the completed CMRT as .xlsx or .xls.")
{
    public string FileName { get; } = fileName;
    /// <summary>What the file is, e.g. "a PDF document".</summary>
    public string Description { get; } = description;
}

/// <summary>The case already holds the most files a supplier may send it (<see cref="UploadOptions.MaxStoredPerCase"/>).</summary>
public sealed class SubmissionLimitException(int limit)
    : UploadRefusedException($"This case already holds {limit} files from the supplier; further uploads are refused until a person has looked at it.")
{
    public int Limit { get; } = limit;
}
