using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Storage.Requests;

/// <summary>
/// One event of a request's history as users see it: its version (1..n), record name, time and content, and the id of the
/// command that appended it (null in a history written before commands were named).
/// </summary>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, RequestEvent Event, string? CommandId = null);
