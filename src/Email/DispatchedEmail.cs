namespace ReferenceFlow.Email;

/// <summary>What was sent: the Message-ID and, when the email asks for a decision, the token id to expect back.</summary>
public sealed record DispatchedEmail(string MessageId, string? ActionTokenId);
