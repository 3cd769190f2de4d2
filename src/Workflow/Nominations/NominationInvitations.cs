using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ReferenceFlow.Domain.Policies;

namespace ReferenceFlow.Workflow.Nominations;

/// <summary>Starts a nomination's invitation on the engine, and wakes it when the contact answered.</summary>
public sealed class NominationInvitations(DurableTaskClient client, WorkflowPolicy policy)
{
    /// <summary>When an invitation sent now runs out.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset invitedAt) => invitedAt + policy.InvitationTimeout;

    /// <summary>Starts the invitation once; starting it again (an approval retried) leaves the running one as it is.</summary>
    public Task StartAsync(string nominationId, DateTimeOffset invitedAt, CancellationToken ct) => EngineFaults.Guard(async () =>
    {
        await client.ScheduleNewOrchestrationInstanceAsync(NominationNames.Orchestrator, InvitationRun.For(nominationId, invitedAt, policy),
            new StartOrchestrationOptions(NominationNames.InstanceId(nominationId)).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]), ct);
        return true;
    });

    public Task AnsweredAsync(string nominationId, CancellationToken ct) => EngineFaults.Guard(async () =>
    {
        await client.RaiseEventAsync(NominationNames.InstanceId(nominationId), NominationNames.AnsweredEvent, nominationId, ct);
        return true;
    });
}
