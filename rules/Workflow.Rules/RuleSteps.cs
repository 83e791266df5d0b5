namespace Workflow.Rules;

/// <summary>
/// OECD steps (finding.OecdStep) and firing priorities. Priorities order the stages inside one session: flags first,
/// then what reads the flags (scope risk, decisions), then the Step 5 and Step 4 summaries that read everything.
/// </summary>
public static class RuleSteps
{
    public const int ManagementSystems = 1;
    public const int IdentifyRisk = 2;
    public const int Respond = 3;
    public const int Audits = 4;
    public const int Report = 5;

    public const int FlagPriority = 100;
    public const int MetalOriginPriority = 60;
    public const int FallbackMetalOriginPriority = 50;
    public const int ScopeRiskPriority = 40;
    public const int DecisionPriority = 30;
    public const int DeterminationPriority = 20;
    public const int SummaryPriority = 10;
}
