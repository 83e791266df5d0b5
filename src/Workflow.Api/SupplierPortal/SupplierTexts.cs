namespace Workflow.Api.SupplierPortal;

/// <summary>A message to the supplier: its first sentence in bold, then the rest.</summary>
public sealed record SupplierMessage(string Lead, string Rest = "");

/// <summary>
/// The words of the supplier page in the supplier's language (the same languages as the e-mail templates in
/// workflows/templates). The findings themselves are the checker's and stay in English; the German page says so.
/// </summary>
public sealed record SupplierTexts
{
    public required string Language { get; init; }
    public required Func<string, string> Title { get; init; }
    public required string Supplier { get; init; }
    public required string Campaign { get; init; }
    public required string Reference { get; init; }
    public required string SendBy { get; init; }
    public required string Status { get; init; }
    public required Func<long, string> FileLabel { get; init; }
    public required string UploadButton { get; init; }
    public required string ChooseFile { get; init; }
    public required SupplierMessage Accepted { get; init; }
    public required SupplierMessage Received { get; init; }
    public required SupplierMessage NotYetAccepted { get; init; }
    public required string FoundCaption { get; init; }
    public required string SeverityHeader { get; init; }
    public required string WhereHeader { get; init; }
    public required string WhatHeader { get; init; }
    public required Func<string, string> Severity { get; init; }
    public required Func<string, string> State { get; init; }
    public string? FindingsLanguageNote { get; init; }
    public required string ClosedTitle { get; init; }
    public required string ClosedText { get; init; }
    public required string UploadTitle { get; init; }
    public required string UploadText { get; init; }
    public required string TooLargeTitle { get; init; }
    public required Func<long, string> TooLargeText { get; init; }
    /// <summary>The file is not a workbook; the argument says what it is, in English ("a PDF document").</summary>
    public required Func<string, string> NotAWorkbook { get; init; }
    public required string TooManyTitle { get; init; }
    public required Func<TimeSpan, string> TooManyText { get; init; }
    /// <summary>The offer to confirm last year's CMRT: campaign, date received, file name.</summary>
    public required Func<string, string, string, string> ConfirmOffer { get; init; }
    public required string ConfirmButton { get; init; }
    public required string ConfirmGone { get; init; }
    public required string LimitTitle { get; init; }
    public required Func<int, string> LimitText { get; init; }

    public static SupplierTexts For(string? language) => language?.ToLowerInvariant() switch
    {
        "de" => German,
        _ => English,
    };

    public static readonly SupplierTexts English = new()
    {
        Language = "en",
        Title = campaign => $"CMRT for {campaign}",
        Supplier = "Supplier", Campaign = "Campaign", Reference = "Case reference", SendBy = "Please send by", Status = "Status",
        FileLabel = mb => $"Completed CMRT workbook (.xlsx or .xls, at most {mb} MB)",
        UploadButton = "Upload and check",
        ConfirmOffer = (campaign, date, file) => $"We still have the CMRT you sent for {campaign} on {date} ({file}). If nothing in it has changed, you can confirm it instead of sending a new file; it is checked again like a new upload.",
        ConfirmButton = "Confirm: my earlier CMRT is still accurate",
        ConfirmGone = "There is no earlier CMRT to confirm for this request any more; please upload your current CMRT.",
        ChooseFile = "Choose the CMRT workbook to upload.",
        Accepted = new("Thank you: your CMRT was accepted."),
        Received = new("Thank you: your CMRT was received.", " Some smelters need a closer look; we will contact you."),
        NotYetAccepted = new("Your file could not be accepted yet.", " Please fix the points below and upload it again."),
        FoundCaption = "What we found", SeverityHeader = "Severity", WhereHeader = "Where", WhatHeader = "What to do",
        Severity = s => s,
        State = s => s,
        ClosedTitle = "Case closed", ClosedText = "This case no longer accepts files. Please contact your buyer.",
        UploadTitle = "Upload a file", UploadText = "Send the workbook with the form on this page (multipart/form-data, field 'file').",
        TooLargeTitle = "File too large", TooLargeText = mb => $"CMRT files must be at most {mb} MB; real templates are under 3 MB.",
        NotAWorkbook = what => $"This file was not accepted: it is {what}, not an Excel workbook. Please upload the completed CMRT as .xlsx or .xls. Nothing was recorded.",
        TooManyTitle = "Too many uploads",
        TooManyText = wait => $"Too many files were uploaded through this link or from your network in the last hour. Please try again in {Minutes(wait)} minute(s).",
        LimitTitle = "Upload limit reached",
        LimitText = limit => $"We have already received {limit} files for this case, so we cannot accept more through this page. We have been told and will contact you; you can also reply to our e-mail.",
    };

    private static long Minutes(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalMinutes));

    /// <summary>German names for what <see cref="Workflow.Cmrt.Reading.FileRecognition"/> says a file is.</summary>
    private static string InGerman(string what) => what switch
    {
        "an empty file" => "eine leere Datei",
        "a PDF document" => "ein PDF-Dokument",
        "an image" => "ein Bild",
        "a compressed archive" => "ein komprimiertes Archiv",
        "a Word document" or "a Word 97–2003 document" => "ein Word-Dokument",
        "a PowerPoint presentation" or "a PowerPoint 97–2003 presentation" => "eine PowerPoint-Präsentation",
        "an OpenDocument file (save it as .xlsx)" => "eine OpenDocument-Datei (bitte als .xlsx speichern)",
        "a zip archive without an Excel workbook in it" => "ein ZIP-Archiv ohne Excel-Arbeitsmappe",
        "an Office file without a workbook in it" => "eine Office-Datei ohne Arbeitsmappe",
        "a text file (a CSV or web page, for example)" => "eine Textdatei (zum Beispiel CSV oder eine Webseite)",
        _ => "keine Excel-Arbeitsmappe",
    };

    public static readonly SupplierTexts German = new()
    {
        Language = "de",
        Title = campaign => $"CMRT für {campaign}",
        Supplier = "Lieferant", Campaign = "Erhebung", Reference = "Vorgangsnummer", SendBy = "Bitte senden bis", Status = "Stand",
        FileLabel = mb => $"Ausgefüllte CMRT-Arbeitsmappe (.xlsx oder .xls, höchstens {mb} MB)",
        UploadButton = "Hochladen und prüfen",
        ConfirmOffer = (campaign, date, file) => $"Uns liegt noch Ihr CMRT für {campaign} vom {date} vor ({file}). Wenn sich darin nichts geändert hat, können Sie es bestätigen, statt eine neue Datei zu senden; es wird wie ein neuer Upload geprüft.",
        ConfirmButton = "Bestätigen: mein früheres CMRT ist weiterhin zutreffend",
        ConfirmGone = "Für diese Anfrage gibt es kein früheres CMRT mehr zu bestätigen; bitte laden Sie Ihr aktuelles CMRT hoch.",
        ChooseFile = "Bitte wählen Sie die CMRT-Arbeitsmappe zum Hochladen aus.",
        Accepted = new("Vielen Dank: Ihre CMRT wurde angenommen."),
        Received = new("Vielen Dank: Ihre CMRT ist eingegangen.", " Einige Schmelzen sehen wir uns genauer an; wir melden uns bei Ihnen."),
        NotYetAccepted = new("Ihre Datei kann noch nicht angenommen werden.", " Bitte beheben Sie die folgenden Punkte und laden Sie die Datei erneut hoch."),
        FoundCaption = "Unsere Hinweise", SeverityHeader = "Art", WhereHeader = "Wo", WhatHeader = "Was zu tun ist",
        Severity = s => s switch { "error" => "Fehler", "warning" => "Hinweis", _ => s },
        State = s => s switch
        {
            "Surveyed" => "angefragt", "Responded" => "beantwortet", "Invalid" => "Korrektur nötig", "Corrected" => "korrigiert",
            "Escalated" => "in Klärung", "Terminated" => "beendet", _ => s,
        },
        FindingsLanguageNote = "Die Hinweise stammen aus der Prüfung nach den Regeln der RMI-Vorlage und sind auf Englisch.",
        ClosedTitle = "Vorgang abgeschlossen", ClosedText = "Dieser Vorgang nimmt keine Dateien mehr an. Bitte wenden Sie sich an Ihren Einkauf.",
        UploadTitle = "Datei hochladen", UploadText = "Bitte senden Sie die Arbeitsmappe mit dem Formular auf dieser Seite (multipart/form-data, Feld 'file').",
        TooLargeTitle = "Datei zu groß", TooLargeText = mb => $"CMRT-Dateien dürfen höchstens {mb} MB groß sein; echte Vorlagen sind kleiner als 3 MB.",
        NotAWorkbook = what => $"Diese Datei wurde nicht angenommen: Sie ist {InGerman(what)}, keine Excel-Arbeitsmappe. Bitte laden Sie die ausgefüllte CMRT als .xlsx oder .xls hoch. Es wurde nichts gespeichert.",
        TooManyTitle = "Zu viele Uploads",
        TooManyText = wait => $"Über diesen Link oder aus Ihrem Netzwerk wurden in der letzten Stunde zu viele Dateien hochgeladen. Bitte versuchen Sie es in {Minutes(wait)} Minute(n) erneut.",
        LimitTitle = "Upload-Grenze erreicht",
        LimitText = limit => $"Zu diesem Vorgang haben wir bereits {limit} Dateien erhalten und können über diese Seite keine weiteren annehmen. Wir wurden informiert und melden uns bei Ihnen; Sie können auch auf unsere E-Mail antworten.",
    };
}
