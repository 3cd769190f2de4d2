namespace ReferenceFlow.Storage.Erasure;

/// <summary>One store an erasure or a purge went through: a table (or blob container) and how many rows (blobs) it changed.</summary>
public sealed record StoreCleared(string Store, int Rows);
