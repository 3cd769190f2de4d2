namespace ReferenceFlow.Storage.Effects;

/// <summary>An effect that cannot succeed however often it is retried (bad address, unknown calendar): recorded at once.</summary>
public sealed class PermanentEffectException : Exception
{
    public PermanentEffectException(string message) : base(message)
    {
    }

    public PermanentEffectException(string message, Exception inner) : base(message, inner)
    {
    }

    public PermanentEffectException()
    {
    }
}
