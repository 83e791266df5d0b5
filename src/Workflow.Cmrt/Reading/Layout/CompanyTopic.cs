namespace Workflow.Cmrt.Reading.Layout;

/// <summary>The meaning of a company-level question; the letters moved between versions.</summary>
internal enum CompanyTopic
{
    Policy,
    PolicyPublic,
    RequiresSuppliersConflictFree,
    RequiresValidatedSmelters,
    DueDiligenceMeasures,
    SurveysSuppliers,
    RequestsSmelterNames,
    ReviewsSupplierInformation,
    CorrectiveAction,
    FilesDisclosure,
}
