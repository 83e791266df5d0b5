namespace Workflow.Cmrt.Reading;

/// <summary>Raised inside the reader to stop with a message the supplier can act on; never escapes <see cref="CmrtReader"/>.</summary>
internal sealed class UnreadableWorkbookException(string message) : Exception(message);
