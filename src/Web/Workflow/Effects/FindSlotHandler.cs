using ReferenceFlow.Calendar.Slots;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Web.Workflow.Effects;

/// <summary>FindSlot → the slot service, answered to the request as ProposeSlot (the effect id dedupes redeliveries).</summary>
public sealed class FindSlotHandler(
    ISlotService slots, DurableRuntime<RequestState, RequestCommand, RequestEvent> runtime, TimeProvider clock) : IEffectHandler
{
    public bool CanHandle(Effect effect) => effect is FindSlot;

    public async Task HandleAsync(EffectEnvelope envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var slot = await slots.FindAsync(((FindSlot)envelope.Effect).Request, ct);
        await runtime.ExecuteAsync(envelope.StreamId, new ProposeSlot(slot, clock.GetUtcNow()), envelope.EffectId, mustExist: true, ct);
    }
}
