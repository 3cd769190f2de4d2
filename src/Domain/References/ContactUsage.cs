namespace ReferenceFlow.Domain.References;

/// <summary>One activity a contact took part in, for caps, fatigue and rotation.</summary>
public sealed record ContactUsage(string ReferenceId, string ContactId, string RequestId, Activity Activity, DateTimeOffset At);
