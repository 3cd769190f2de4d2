using Microsoft.DurableTask;
using ReferenceFlow.Calendar.Slots;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>Looks up the reference's calendar; the slot it returns is the request's next command.</summary>
[DurableTask(WorkflowNames.FindSlot)]
public sealed class FindSlotActivity(ISlotService slots) : TaskActivity<SlotRequest, ProposedSlot>
{
    public override Task<ProposedSlot> RunAsync(TaskActivityContext context, SlotRequest input) =>
        slots.FindAsync(input, CancellationToken.None);
}
