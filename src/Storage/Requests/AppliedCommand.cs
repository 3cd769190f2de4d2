namespace ReferenceFlow.Storage.Requests;

/// <summary>A command the history holds: the events it decided are versions <paramref name="FromVersion"/>+1..<paramref name="ToVersion"/>.</summary>
public sealed record AppliedCommand(string CommandId, long FromVersion, long ToVersion);
