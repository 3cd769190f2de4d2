namespace ReferenceFlow.Domain.Workflow;

/// <summary>A command the current state does not allow (HTTP 409).</summary>
public sealed class DomainException(string message) : Exception(message);
