using Workflow.Application.Grievances;

namespace Workflow.Api.Pages.Grievances;

/// <summary>
/// A reporter's form as the browser sent it (the concern form or an addition on the follow-up page): what was typed,
/// the files within the limits, and every problem in the reporter's language beside the field it concerns. Unlike the
/// API's reading it never stops at the first problem, so the page can come back with everything typed kept.
/// </summary>
public sealed record ReporterForm(ConcernInput Input, string? Body, IReadOnlyList<ConcernAttachment> Files, Dictionary<string, List<string>> Errors,
    bool FilesDropped)
{
    public static readonly ReporterForm Empty = new(new ConcernInput(), null, [], [], false);

    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var e) ? e : [];

    public static async Task<ReporterForm> ReadAsync(HttpRequest request, ConcernTexts t, long maxBytes, int maxFiles, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        // A body larger than every allowed file together is not read at all: the page comes back empty but says why.
        if (ConcernAttachments.BodyTooLarge(request.ContentLength, maxBytes, maxFiles) || !request.HasFormContentType)
        {
            Add(errors, "files", t.TooManyFiles(maxFiles));
            Add(errors, "files", t.FileTooLarge("…", ConcernTexts.Megabytes(maxBytes)));
            return new ReporterForm(new ConcernInput(), null, [], errors, true);
        }
        var form = await request.ReadFormAsync(ct);
        string? V(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = ConcernInput.FromForm(V, t.Language);
        var chosen = form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > maxFiles) Add(errors, "files", t.TooManyFiles(maxFiles));
        var files = new List<ConcernAttachment>();
        foreach (var f in chosen.Take(maxFiles))
        {
            var name = ConcernAttachments.SafeName(f.FileName);
            if (f.Length == 0) { Add(errors, "files", t.FileEmpty(name)); continue; }
            if (f.Length > maxBytes) { Add(errors, "files", t.FileTooLarge(name, ConcernTexts.Megabytes(maxBytes))); continue; }
            var content = new byte[f.Length];
            await using (var s = f.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
            var file = new ConcernAttachment(f.FileName, f.ContentType, content);
            if (ConcernAttachments.Problem(file, maxBytes) is not null) { Add(errors, "files", t.FileWrongKind(name)); continue; }
            files.Add(file);
        }
        return new ReporterForm(input, V("body"), files, errors, chosen.Count > 0);
    }

    /// <summary>The concern's own checks (<see cref="ConcernInput.Validate"/>) added, in the reporter's language.</summary>
    public ReporterForm CheckConcern(ConcernTexts t, int maxTextLength)
    {
        foreach (var (field, english) in Input.Validate(maxTextLength))
            Add(Errors, field, Say(t, field, english, maxTextLength));
        return this;
    }

    /// <summary>The addition's check: something written, not too long.</summary>
    public ReporterForm CheckAddition(ConcernTexts t, int maxTextLength)
    {
        if (string.IsNullOrWhiteSpace(Body)) Add(Errors, "body", t.AddRequired);
        else if (Body.Length > maxTextLength) Add(Errors, "body", t.TooLong(maxTextLength));
        return this;
    }

    /// <summary>The store refused what the page let through (a limit changed meanwhile): its errors, in the reporter's language.</summary>
    public ReporterForm With(ConcernTexts t, Dictionary<string, string[]> stored, int maxTextLength)
    {
        foreach (var (field, english) in stored)
            if (!Errors.ContainsKey(field)) Add(Errors, field, Say(t, field, english, maxTextLength));
        return this;
    }

    private string Say(ConcernTexts t, string field, string[] english, int maxTextLength) => field switch
    {
        "description" => string.IsNullOrWhiteSpace(Input.Description) ? t.DescriptionRequired : t.TooLong(maxTextLength),
        "body" => string.IsNullOrWhiteSpace(Body) ? t.AddRequired : t.TooLong(maxTextLength),
        "reporterEmail" when (Input.ReporterEmail?.Length ?? 0) <= ConcernInput.MaxLengths["reporterEmail"] => t.EmailInvalid,
        "metal" => t.MetalInvalid,
        // The limits of ConcernInput.Validate, so a reporter reads the number in their own language.
        _ when ConcernInput.MaxLengths.TryGetValue(field, out var max) => t.TooLong(max),
        _ => string.Join(" ", english),
    };

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }
}
