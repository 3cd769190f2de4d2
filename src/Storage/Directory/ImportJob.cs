namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// A directory import running in the background (api.md): <see cref="RowsRead"/> of <see cref="RowsTotal"/> lines
/// handled so far, the accounts created and updated, and the lines rejected (the first
/// <see cref="ImportJobStore.MaxRejectedKept"/> of <see cref="RejectedCount"/>).
/// </summary>
public sealed record ImportJob(
    string Id, ImportState State, int RowsTotal, int RowsRead, int Created, int Updated,
    IReadOnlyList<ImportRejection> Rejected, int RejectedCount, DateTimeOffset SubmittedAt, string SubmittedBy);

public enum ImportState
{
    /// <summary>Stored from the import page's preview, waiting for the program manager to confirm.</summary>
    Pending,
    Running,
    Done,
}

/// <summary>An account of an import, whether the directory lacked it when the file was read, and its lines in the file.</summary>
public sealed record ImportedAccount(Domain.References.ReferenceAccount Account, bool IsNew, int Lines);
