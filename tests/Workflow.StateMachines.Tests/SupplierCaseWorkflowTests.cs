using Workflow.Domain.Cases;
using Workflow.StateMachines;
using static Workflow.Domain.Cases.CaseStage;
using static Workflow.Domain.Cases.CaseTrigger;

namespace Workflow.StateMachines.Tests;

public class SupplierCaseWorkflowTests
{
    /// <summary>Every allowed (leaf stage, trigger) pair and where it leads; everything else must be refused.</summary>
    private static readonly Dictionary<(CaseStage, CaseTrigger), CaseStage> Allowed = new()
    {
        [(AwaitingResponse, CmrtAccepted)] = Responded,
        [(AwaitingResponse, RejectedAsInvalid)] = AwaitingCorrection,
        [(AwaitingResponse, RedFlagFound)] = EscalationOpen,
        [(AwaitingResponse, ReminderDue)] = Reminded,
        [(AwaitingResponse, SecondRequestDue)] = SecondRequestSent,
        [(Reminded, CmrtAccepted)] = Responded,
        [(Reminded, RejectedAsInvalid)] = AwaitingCorrection,
        [(Reminded, RedFlagFound)] = EscalationOpen,
        [(Reminded, SecondRequestDue)] = SecondRequestSent,
        [(SecondRequestSent, CmrtAccepted)] = Responded,
        [(SecondRequestSent, RejectedAsInvalid)] = AwaitingCorrection,
        [(SecondRequestSent, RedFlagFound)] = EscalationOpen,
        [(SecondRequestSent, EscalatedToManagement)] = EscalationOpen,
        [(Responded, CmrtAccepted)] = Responded,
        [(Responded, RejectedAsInvalid)] = AwaitingCorrection,
        [(Responded, RedFlagFound)] = EscalationOpen,
        [(AwaitingCorrection, CaseTrigger.Corrected)] = CaseStage.Corrected,
        [(AwaitingCorrection, RejectedAsInvalid)] = AwaitingCorrection,
        [(AwaitingCorrection, RedFlagFound)] = EscalationOpen,
        [(AwaitingCorrection, EscalatedToManagement)] = EscalationOpen,
        [(AwaitingCorrection, ReminderDue)] = CorrectionReminded,
        [(CorrectionReminded, CaseTrigger.Corrected)] = CaseStage.Corrected,
        [(CorrectionReminded, RejectedAsInvalid)] = CorrectionReminded,
        [(CorrectionReminded, RedFlagFound)] = EscalationOpen,
        [(CorrectionReminded, EscalatedToManagement)] = EscalationOpen,
        [(CaseStage.Corrected, CmrtAccepted)] = CaseStage.Corrected,
        [(CaseStage.Corrected, RejectedAsInvalid)] = AwaitingCorrection,
        [(CaseStage.Corrected, RedFlagFound)] = EscalationOpen,
        [(EscalationOpen, CmrtAccepted)] = Responded,
        [(EscalationOpen, RejectedAsInvalid)] = EscalationOpen,
        [(EscalationOpen, RedFlagFound)] = EscalationOpen,
        [(EscalationOpen, ExtensionGranted)] = AwaitingResponse,
        [(EscalationOpen, RiskAccepted)] = Responded,
        [(EscalationOpen, TerminationApproved)] = Terminated,
        [(EscalationOpen, CaseTrigger.TerminationRecommended)] = CaseStage.TerminationRecommended,
        [(CaseStage.TerminationRecommended, CmrtAccepted)] = Responded,
        [(CaseStage.TerminationRecommended, RejectedAsInvalid)] = CaseStage.TerminationRecommended,
        [(CaseStage.TerminationRecommended, RedFlagFound)] = CaseStage.TerminationRecommended,
        [(CaseStage.TerminationRecommended, ExtensionGranted)] = AwaitingResponse,
        [(CaseStage.TerminationRecommended, RiskAccepted)] = Responded,
        [(CaseStage.TerminationRecommended, TerminationApproved)] = Terminated,
        [(NotLaunched, Launched)] = AwaitingResponse,
        [(AwaitingResponse, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(Reminded, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(SecondRequestSent, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(Responded, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(AwaitingCorrection, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(CorrectionReminded, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(CaseStage.Corrected, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(EscalationOpen, ProductLevelCmrtRequested)] = EscalationOpen,
        [(CaseStage.TerminationRecommended, ProductLevelCmrtRequested)] = CaseStage.TerminationRecommended,
        [(AwaitingProductLevelCmrt, CmrtAccepted)] = Responded,
        [(AwaitingProductLevelCmrt, RejectedAsInvalid)] = AwaitingCorrection,
        [(AwaitingProductLevelCmrt, RedFlagFound)] = EscalationOpen,
        [(AwaitingProductLevelCmrt, ProductLevelCmrtRequested)] = AwaitingProductLevelCmrt,
        [(AwaitingProductLevelCmrt, EscalatedToManagement)] = EscalationOpen,
        [(AwaitingProductLevelCmrt, ReminderDue)] = ProductLevelReminded,
        [(ProductLevelReminded, CmrtAccepted)] = Responded,
        [(ProductLevelReminded, RejectedAsInvalid)] = AwaitingCorrection,
        [(ProductLevelReminded, RedFlagFound)] = EscalationOpen,
        [(ProductLevelReminded, ProductLevelCmrtRequested)] = ProductLevelReminded,
        [(ProductLevelReminded, EscalatedToManagement)] = EscalationOpen,
    };

    private static readonly CaseStage[] Leaves =
        [NotLaunched, AwaitingResponse, Reminded, SecondRequestSent, Responded, AwaitingCorrection, CorrectionReminded,
         CaseStage.Corrected, AwaitingProductLevelCmrt, ProductLevelReminded, EscalationOpen, CaseStage.TerminationRecommended, Terminated];

    /// <summary>Every trigger the default machine knows (trigger names are stored in the audit trail).</summary>
    internal static readonly CaseTrigger[] KnownTriggers =
        [Launched, CmrtAccepted, RejectedAsInvalid, CaseTrigger.Corrected, RedFlagFound, ReminderDue, SecondRequestDue,
         EscalatedToManagement, ExtensionGranted, RiskAccepted, CaseTrigger.TerminationRecommended, TerminationApproved,
         ProductLevelCmrtRequested];

    public static TheoryData<string, string> EveryPair()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in Leaves)
            foreach (var t in KnownTriggers)
                data.Add(s.Name, t.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Fire_EveryStageAndTrigger_AllowedMovesAndOthersRefused(string fromName, string triggerName)
    {
        var (from, trigger) = (new CaseStage(fromName), new CaseTrigger(triggerName));
        var workflow = SupplierCaseWorkflow.Detached(from);

        if (Allowed.TryGetValue((from, trigger), out var expected))
        {
            Assert.True(workflow.CanFire(trigger));
            workflow.Fire(trigger);
            Assert.Equal(expected, workflow.Stage);
        }
        else
        {
            Assert.False(workflow.CanFire(trigger));
            var error = Assert.Throws<IllegalTransitionException>(() => workflow.Fire(trigger));
            Assert.Contains(trigger.ToString(), error.Message);
            Assert.Contains(CaseMachine.Default.Describe(from), error.Message);
            Assert.Equal(from, workflow.Stage);
        }
    }

    [Theory]
    [InlineData(nameof(EscalationOpen))]
    [InlineData(nameof(CaseStage.TerminationRecommended))]
    public void ExtensionGranted_AfterInvalidSubmission_ReturnsToCorrection(string from)
    {
        var workflow = SupplierCaseWorkflow.Detached(new CaseStage(from), new CaseFacts(LastSubmissionInvalid: true));

        workflow.Fire(ExtensionGranted);

        Assert.Equal(AwaitingCorrection, workflow.Stage);
        Assert.Equal(CaseState.Invalid, workflow.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExtensionGranted_AfterAProductLevelEscalation_ReturnsToTheProductLevelRequest(bool lastSubmissionInvalid)
    {
        var workflow = SupplierCaseWorkflow.Detached(EscalationOpen, new CaseFacts(lastSubmissionInvalid, EscalatedFromProductLevel: true));

        var move = workflow.Fire(ExtensionGranted);

        Assert.Equal(AwaitingProductLevelCmrt, workflow.Stage);
        Assert.Equal(CaseState.Responded, workflow.State);
        Assert.Empty(move.Messages);
    }

    [Fact]
    public void Terminated_RefusesEveryTrigger()
    {
        var workflow = SupplierCaseWorkflow.Detached(Terminated);

        Assert.All(KnownTriggers, t => Assert.False(workflow.CanFire(t)));
    }

    [Fact]
    public void NonResponder_FullChase_EndsTerminated()
    {
        var workflow = SupplierCaseWorkflow.Detached(AwaitingResponse);

        foreach (var t in new[] { ReminderDue, SecondRequestDue, EscalatedToManagement, CaseTrigger.TerminationRecommended, TerminationApproved })
            workflow.Fire(t);

        Assert.Equal(CaseState.Terminated, workflow.State);
    }

    [Fact]
    public void VisibleStates_AreExactlyTheDesignCardsSix()
    {
        var visible = CaseMachine.Default.Stages.Where(d => d.Stage != NotLaunched).Select(d => CaseMachine.Default.StateOf(d.Stage))
            .Distinct().Order().Select(s => s.ToString());

        Assert.Equal(["Surveyed", "Responded", "Invalid", "Corrected", "Escalated", "Terminated"], visible);
    }
}
