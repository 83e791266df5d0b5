namespace Workflow.DevHost.Demo;

/// <summary>What a demo supplier does during the campaign; the mix follows the seed report's proportions.</summary>
public enum DemoSupplierProfile
{
    /// <summary>Valid CMRT, 3TG not from covered countries.</summary>
    NotFromCoveredCountries,
    /// <summary>Valid CMRT, covered-country origin answered Unknown: origin undetermined.</summary>
    Undetermined,
    /// <summary>Valid CMRT, no 3TG in its products.</summary>
    NoConflictMinerals,
    /// <summary>Valid CMRT, all 3TG from recycled or scrap sources.</summary>
    RecycledOrScrap,
    /// <summary>Invalid first, corrected after the request.</summary>
    InvalidThenCorrected,
    /// <summary>Invalid, and still invalid after the correction request.</summary>
    StillInvalid,
    /// <summary>Names a smelter located in a covered country.</summary>
    RedFlagSmelter,
    /// <summary>Red flag, then management accepted the risk.</summary>
    RedFlagRiskAccepted,
    /// <summary>No answer yet after the first reminder.</summary>
    SilentReminded,
    /// <summary>No answer after the second request.</summary>
    SilentSecondRequest,
    /// <summary>Escalated to management for not answering.</summary>
    SilentEscalated,
    /// <summary>Never answered; management approved termination.</summary>
    SilentTerminated,
}
