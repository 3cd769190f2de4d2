namespace ReferenceFlow.Workflow.Requests;

/// <summary>Another run of the same decision is sending this email now; try again after a while, when it has finished.</summary>
public sealed class EmailBeingSentException(string effectId)
    : Exception($"Email {effectId} is being sent by another run of its decision; it will be checked again.")
{
    public string EffectId { get; } = effectId;
}
