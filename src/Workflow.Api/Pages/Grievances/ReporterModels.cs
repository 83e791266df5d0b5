using Workflow.Application.Grievances;

namespace Workflow.Api.Pages.Grievances;

/// <summary>The public concern form: empty, or as sent with its problems.</summary>
public sealed record ConcernFormModel(ConcernTexts Texts, ReporterForm Form, int MaxFiles, long MaxBytes);

/// <summary>The reporter's follow-up page. <paramref name="Link"/> is the full secret link, shown once after the report.</summary>
public sealed record FollowUpModel(ConcernTexts Texts, ReporterView View, string Token, string Link, bool IsNew, bool Added, ReporterForm Form,
    int MaxFiles, long MaxBytes);

/// <summary>A page that says why a reporter's request was not taken (too many reports), in their language.</summary>
public sealed record ConcernProblemModel(ConcernTexts Texts, string Title, string Text);
