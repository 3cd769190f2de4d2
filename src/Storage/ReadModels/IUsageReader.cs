using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Per-contact usage (calls held, visits…) for matching, caps and fatigue.</summary>
public interface IUsageReader
{
    /// <summary>The usage of the given contacts (reference id, contact id), oldest first.</summary>
    Task<IReadOnlyList<ContactUsage>> ForContactsAsync(IEnumerable<(string ReferenceId, string ContactId)> contacts, CancellationToken ct);

    /// <summary>
    /// The usage of every contact, as matching reads it on each submission: kept in memory and brought up to date with
    /// the rows written since the last read, so a read costs one small query however long the history.
    /// </summary>
    Task<IReadOnlyList<ContactUsage>> EveryContactAsync(CancellationToken ct);

    /// <summary>Every usage record, optionally since a time (for reports and influenced revenue).</summary>
    Task<IReadOnlyList<UsageRecord>> AllAsync(DateTimeOffset? since, CancellationToken ct);
}
