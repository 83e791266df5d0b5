using Workflow.Domain.Cases;
using static Workflow.Domain.Cases.CaseStage;

namespace Workflow.StateMachines.Tests;

/// <summary>Callers state intentions; the machine picks the trigger and says which message the move sends.</summary>
public class CaseIntentionTests
{
    [Fact]
    public void Launch_FromTheStart_SurveysTheSupplier()
    {
        var move = SupplierCaseWorkflow.Detached(NotLaunched).Launch();

        Assert.Equal((AwaitingResponse, CaseTrigger.Launched), (move.To, move.Trigger));
        Assert.Equal(["survey"], move.Messages.Select(m => m.Kind));
    }

    [Theory]
    [InlineData(nameof(AwaitingResponse), SubmissionOutcome.Accepted, "CmrtAccepted", nameof(Responded), null)]
    [InlineData(nameof(AwaitingCorrection), SubmissionOutcome.Accepted, "Corrected", nameof(CaseStage.Corrected), null)]
    [InlineData(nameof(CorrectionReminded), SubmissionOutcome.Accepted, "Corrected", nameof(CaseStage.Corrected), null)]
    [InlineData(nameof(Reminded), SubmissionOutcome.Invalid, "RejectedAsInvalid", nameof(AwaitingCorrection), "correction-request")]
    [InlineData(nameof(CorrectionReminded), SubmissionOutcome.Invalid, "RejectedAsInvalid", nameof(CorrectionReminded), "correction-request")]
    [InlineData(nameof(Responded), SubmissionOutcome.RedFlag, "RedFlagFound", nameof(EscalationOpen), "escalation")]
    [InlineData(nameof(EscalationOpen), SubmissionOutcome.RedFlag, "RedFlagFound", nameof(EscalationOpen), null)]
    [InlineData(nameof(EscalationOpen), SubmissionOutcome.Invalid, "RejectedAsInvalid", nameof(EscalationOpen), null)]
    // A company-level CMRT naming smelters of concern asks for a product-level CMRT before management sees the case.
    [InlineData(nameof(AwaitingResponse), SubmissionOutcome.ProductLevelNeeded, "ProductLevelCmrtRequested", nameof(AwaitingProductLevelCmrt), "product-level-request")]
    [InlineData(nameof(Responded), SubmissionOutcome.ProductLevelNeeded, "ProductLevelCmrtRequested", nameof(AwaitingProductLevelCmrt), "product-level-request")]
    [InlineData(nameof(AwaitingCorrection), SubmissionOutcome.ProductLevelNeeded, "ProductLevelCmrtRequested", nameof(AwaitingProductLevelCmrt), "product-level-request")]
    [InlineData(nameof(ProductLevelReminded), SubmissionOutcome.ProductLevelNeeded, "ProductLevelCmrtRequested", nameof(ProductLevelReminded), null)]
    [InlineData(nameof(EscalationOpen), SubmissionOutcome.ProductLevelNeeded, "ProductLevelCmrtRequested", nameof(EscalationOpen), null)]
    [InlineData(nameof(AwaitingProductLevelCmrt), SubmissionOutcome.Accepted, "CmrtAccepted", nameof(Responded), null)]
    [InlineData(nameof(ProductLevelReminded), SubmissionOutcome.RedFlag, "RedFlagFound", nameof(EscalationOpen), "escalation")]
    [InlineData(nameof(AwaitingProductLevelCmrt), SubmissionOutcome.Invalid, "RejectedAsInvalid", nameof(AwaitingCorrection), "correction-request")]
    public void Submit_PicksTheTriggerFromTheStage(string from, SubmissionOutcome outcome, string trigger, string to, string? message)
    {
        var move = SupplierCaseWorkflow.Detached(new CaseStage(from)).Submit(outcome);

        Assert.Equal((new CaseStage(to), new CaseTrigger(trigger)), (move.To, move.Trigger));
        Assert.Equal(message is null ? [] : [message], move.Messages.Select(m => m.Kind));
    }

    [Theory]
    [InlineData(nameof(AwaitingResponse), "ReminderDue", nameof(Reminded), "reminder")]
    [InlineData(nameof(Reminded), "SecondRequestDue", nameof(SecondRequestSent), "second-request")]
    [InlineData(nameof(SecondRequestSent), "EscalatedToManagement", nameof(EscalationOpen), "escalation")]
    [InlineData(nameof(AwaitingCorrection), "ReminderDue", nameof(CorrectionReminded), "correction-reminder")]
    [InlineData(nameof(CorrectionReminded), "EscalatedToManagement", nameof(EscalationOpen), "escalation")]
    [InlineData(nameof(EscalationOpen), "TerminationRecommended", nameof(CaseStage.TerminationRecommended), "termination-recommended")]
    [InlineData(nameof(AwaitingProductLevelCmrt), "ReminderDue", nameof(ProductLevelReminded), "product-level-reminder")]
    [InlineData(nameof(ProductLevelReminded), "EscalatedToManagement", nameof(EscalationOpen), "escalation")]
    public void TimerElapsed_FiresWhatTheStageDeclares(string from, string trigger, string to, string message)
    {
        var move = SupplierCaseWorkflow.Detached(new CaseStage(from)).TimerElapsed();

        Assert.Equal((new CaseStage(to), new CaseTrigger(trigger)), (move.To, move.Trigger));
        Assert.Equal([message], move.Messages.Select(m => m.Kind));
    }

    [Theory]
    [InlineData(nameof(Responded))]
    [InlineData(nameof(CaseStage.TerminationRecommended))]
    [InlineData(nameof(Terminated))]
    public void TimerElapsed_InAStageWithoutTimer_IsRefused(string stage)
    {
        var workflow = SupplierCaseWorkflow.Detached(new CaseStage(stage));

        var error = Assert.Throws<IllegalTransitionException>(() => workflow.TimerElapsed());

        Assert.Contains("runs no timer", error.Message);
        Assert.Equal(new CaseStage(stage), workflow.Stage);
    }

    [Theory]
    [InlineData(ManagementDecision.Extend, false, nameof(AwaitingResponse), "ExtensionGranted")]
    [InlineData(ManagementDecision.Extend, true, nameof(AwaitingCorrection), "ExtensionGranted")]
    [InlineData(ManagementDecision.AcceptRisk, false, nameof(Responded), "RiskAccepted")]
    [InlineData(ManagementDecision.Terminate, false, nameof(Terminated), "TerminationApproved")]
    public void Decide_OnAnEscalation_SendsNothingItself(ManagementDecision decision, bool lastInvalid, string to, string trigger)
    {
        var move = SupplierCaseWorkflow.Detached(EscalationOpen, new CaseFacts(lastInvalid)).Decide(decision);

        Assert.Equal((new CaseStage(to), new CaseTrigger(trigger)), (move.To, move.Trigger));
        Assert.Empty(move.Messages);
    }

    [Fact]
    public void Decide_OnACaseNotEscalated_IsRefused()
    {
        Assert.Throws<IllegalTransitionException>(() => SupplierCaseWorkflow.Detached(AwaitingResponse).Decide(ManagementDecision.Terminate));
    }

    [Fact]
    public void Load_ReusesOneMachineForCaseAfterCase()
    {
        var workflow = SupplierCaseWorkflow.Detached(NotLaunched);

        Assert.Equal(AwaitingResponse, workflow.Launch().To);
        Assert.Equal(Reminded, workflow.Load(AwaitingResponse, CaseFacts.None).TimerElapsed().To);
        Assert.Equal(AwaitingCorrection, workflow.Load(EscalationOpen, CaseFacts.InvalidSubmission).Decide(ManagementDecision.Extend).To);
        Assert.Throws<InvalidOperationException>(() => workflow.Load(new CaseStage("NoSuchStage"), CaseFacts.None));
    }
}
