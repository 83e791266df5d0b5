namespace Workflow.Cmrt.Reading.Layout;

/// <summary>Declaration rows (column D) of the company fields; 0 = the version has no such field.</summary>
internal sealed record CompanyFieldRows(
    int Name,
    int Scope,
    int ScopeDescription,
    int UniqueId,
    int UniqueIdAuthority,
    int Address,
    int ContactName,
    int ContactEmail,
    int ContactPhone,
    int AuthorizerName,
    int AuthorizerTitle,
    int AuthorizerEmail,
    int AuthorizerPhone,
    int EffectiveDate);
