using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Email;

/// <summary>The effect handler's entry point: renders the domain's email, mints its action links and sends it.</summary>
public interface IEmailDispatcher
{
    /// <summary>
    /// Sends <paramref name="email"/> for the effect <paramref name="effectId"/>. The same effect id always yields
    /// the same Message-ID and the same action token, so a retry after a crash is recognisable downstream.
    /// Throws <see cref="Sending.PermanentEmailException"/> (record on the request) or
    /// <see cref="Sending.TransientEmailException"/> (re-queue).
    /// </summary>
    Task<DispatchedEmail> SendAsync(OutboundEmail email, string effectId, CancellationToken cancellationToken);
}
