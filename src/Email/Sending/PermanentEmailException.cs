namespace ReferenceFlow.Email.Sending;

/// <summary>The mail server refused the message for good; retrying will not help.</summary>
public sealed class PermanentEmailException : Exception
{
    public PermanentEmailException() { }

    public PermanentEmailException(string message) : base(message) { }

    public PermanentEmailException(string message, Exception innerException) : base(message, innerException) { }

    public int? StatusCode { get; init; }
}
