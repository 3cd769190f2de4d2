namespace ReferenceFlow.Storage.Requests;

/// <summary>A request as its partition holds it: the head (null: no history), the events, and the commands that appended them, by id.</summary>
public sealed record StoredRequest(RequestSnapshot? Head, IReadOnlyList<HistoryEntry> History, IReadOnlyDictionary<string, AppliedCommand> Commands);
