using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>Performs Poke: notes "fail" throw (retried), "permanent" fail for good, others answer Pong.</summary>
public sealed class PokeHandler(DurableRuntime<CounterState, CounterCommand, CounterEvent> runtime, PokeLog log) : IEffectHandler
{
    public bool CanHandle(Effect effect) => effect is Poke;

    public async Task HandleAsync(EffectEnvelope envelope, CancellationToken ct)
    {
        var poke = (Poke)envelope.Effect;
        switch (poke.Note)
        {
            case "fail":
                throw new InvalidOperationException($"Poke failed on attempt {envelope.Attempt}.");
            case "permanent":
                throw new PermanentEffectException("The mailbox does not exist.");
        }
        log.Performed(envelope.EffectId);
        await runtime.ExecuteAsync(envelope.StreamId, new Pong(envelope.EffectId), envelope.EffectId, mustExist: true, ct);
    }
}
