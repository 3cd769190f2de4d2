using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The whole directory at one version, ordered by account name: what lists page through and matching ranks over.
/// Shared while the version lasts (nothing in it changes), with the matching index made on first use; a change makes a
/// new snapshot from this one and the changed accounts (<see cref="With"/>).
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly Lazy<DirectoryIndex> _index;
    private readonly Dictionary<string, ReferenceAccount> _byId;

    public DirectorySnapshot(long version, IEnumerable<ReferenceAccount> accounts)
        : this(version, Sorted(accounts))
    {
    }

    private DirectorySnapshot(long version, ReferenceAccount[] sorted)
        : this(version, sorted, sorted.ToDictionary(a => a.ReferenceId, StringComparer.Ordinal))
    {
    }

    private DirectorySnapshot(long version, ReferenceAccount[] sorted, Dictionary<string, ReferenceAccount> byId)
    {
        Version = version;
        Accounts = sorted;
        _byId = byId;
        _index = new Lazy<DirectoryIndex>(() => DirectoryIndex.Build(Accounts), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The number of the directory's newest change this snapshot holds (see <see cref="DirectoryChanges"/>).</summary>
    public long Version { get; }

    public IReadOnlyList<ReferenceAccount> Accounts { get; }

    public DirectoryIndex Index => _index.Value;

    public ReferenceAccount? Find(string referenceId) => _byId.GetValueOrDefault(referenceId);

    /// <summary>
    /// This directory with <paramref name="changed"/> created or replaced by id (the later of two with one id wins), at
    /// <paramref name="version"/>: the same accounts in the same order as a snapshot read whole, so paging and matching
    /// (whose ties follow that order) answer alike, for a cost that grows with the directory only by a copy.
    /// </summary>
    public DirectorySnapshot With(long version, IEnumerable<ReferenceAccount> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var byId = new Dictionary<string, ReferenceAccount>(_byId, StringComparer.Ordinal);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in changed)
        {
            byId[account.ReferenceId] = account;
            replaced.Add(account.ReferenceId);
        }
        var incoming = Sorted(replaced.Select(id => byId[id]));
        var merged = new ReferenceAccount[byId.Count];
        var (next, at) = (0, 0);
        foreach (var kept in Accounts)
        {
            if (replaced.Contains(kept.ReferenceId)) continue;
            while (next < incoming.Length && DirectoryOrder.Instance.Compare(incoming[next], kept) < 0) merged[at++] = incoming[next++];
            merged[at++] = kept;
        }
        while (next < incoming.Length) merged[at++] = incoming[next++];
        return new DirectorySnapshot(version, merged, byId);
    }

    private static ReferenceAccount[] Sorted(IEnumerable<ReferenceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return accounts.OrderBy(a => a, DirectoryOrder.Instance).ToArray();
    }
}
