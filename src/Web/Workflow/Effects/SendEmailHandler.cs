using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Email;
using ReferenceFlow.Email.Sending;
using ReferenceFlow.Storage.Effects;

namespace ReferenceFlow.Web.Workflow.Effects;

/// <summary>SendEmail → the email dispatcher; an address that can never work is recorded on the request at once.</summary>
public sealed class SendEmailHandler(IEmailDispatcher dispatcher) : IEffectHandler
{
    public bool CanHandle(Effect effect) => effect is SendEmail;

    public async Task HandleAsync(EffectEnvelope envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var email = ((SendEmail)envelope.Effect).Email;
        try
        {
            await dispatcher.SendAsync(email, envelope.EffectId, ct);
        }
        catch (PermanentEmailException e)
        {
            throw new PermanentEffectException(e.Message, e);
        }
    }
}
