namespace Workflow.Application.Reports;

/// <summary>Suppliers per determination of their latest valid CMRT; NoValidResponse = non-responders and still invalid.</summary>
public sealed record DeterminationFigures(int NoConflictMinerals, int NotFromCoveredCountries, int RecycledOrScrap,
    int CoveredCountriesConformant, int Undetermined, int NoValidResponse);
