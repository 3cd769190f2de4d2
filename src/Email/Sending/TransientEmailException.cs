namespace ReferenceFlow.Email.Sending;

/// <summary>Sending failed for a reason that may pass (connection, 4xx); try again later.</summary>
public sealed class TransientEmailException : Exception
{
    public TransientEmailException() { }

    public TransientEmailException(string message) : base(message) { }

    public TransientEmailException(string message, Exception innerException) : base(message, innerException) { }
}
