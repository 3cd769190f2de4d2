namespace ReferenceFlow.Web.Components.DevOutbox;

/// <summary>One message in the dev outbox list: what the headers say, without the body.</summary>
public sealed record OutboxEntry(string Id, string Kind, string? RequestId, string To, string Subject, DateTimeOffset Date);
