using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Storage.Effects;

/// <summary>
/// Performs one kind of effect taken from the "work" queue. Delivery is at least once: a handler
/// answers its stream through <c>DurableRuntime.ExecuteAsync</c> with the effect id as message id,
/// and makes its own outside action idempotent where it can (a stable Message-ID for an email).
/// </summary>
public interface IEffectHandler
{
    /// <summary>Whether this handler performs <paramref name="effect"/>; the first handler that can, does.</summary>
    bool CanHandle(Effect effect);

    /// <summary>Performs the effect. Throw <see cref="PermanentEffectException"/> when retrying cannot help;
    /// any other exception is retried until the message goes to the poison queue.</summary>
    Task HandleAsync(EffectEnvelope envelope, CancellationToken ct);
}
