namespace ReferenceFlow.Storage.Directory;

/// <summary>A line of an imported file that was not taken, and why.</summary>
public sealed record ImportRejection(int Line, string Error);
