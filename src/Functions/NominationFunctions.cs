using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Workflow.Nominations;

namespace ReferenceFlow.Functions;

/// <summary>The nomination invitation's orchestration and activity triggers, each handing over to the class the embedded engine runs too.</summary>
public sealed class NominationFunctions(SendNominationEmailActivity sendEmail, SettleNominationActivity settle)
{
    [Function(NominationNames.Orchestrator)]
    public Task<NominationState> RunInvitation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new InvitationOrchestrator().RunAsync(context, context.GetInput<InvitationRun>()!);

    [Function(NominationNames.SendEmail)]
    public Task<bool> SendEmail([ActivityTrigger] NominationEmailInput input) => sendEmail.RunAsync(null!, input);

    [Function(NominationNames.Settle)]
    public Task<NominationState> Settle([ActivityTrigger] SettleInput input) => settle.RunAsync(null!, input);
}
