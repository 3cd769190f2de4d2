using Azure.Data.Tables;
using ReferenceFlow.Storage.Outbox;

namespace ReferenceFlow.Storage.Runtime;

/// <summary>One command's transaction, ready to submit, with the state and outbox it will leave.</summary>
public sealed record PendingCommit<TState>(
    IReadOnlyList<TableTransactionAction> Actions, long Version, TState State, IReadOnlyList<OutboxEntry> Outbox);
