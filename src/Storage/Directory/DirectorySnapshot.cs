using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The whole directory at one version, ordered by account name: what lists page through and matching ranks over.
/// Built once per version and shared (nothing in it changes), with the matching index made on first use.
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly Lazy<DirectoryIndex> _index;
    private readonly Dictionary<string, ReferenceAccount> _byId;

    public DirectorySnapshot(string version, IEnumerable<ReferenceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        Version = version;
        Accounts = accounts.OrderBy(a => a, DirectoryOrder.Instance).ToArray();
        _byId = Accounts.ToDictionary(a => a.ReferenceId, StringComparer.Ordinal);
        _index = new Lazy<DirectoryIndex>(() => DirectoryIndex.Build(Accounts), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Changes whenever an account is written.</summary>
    public string Version { get; }

    public IReadOnlyList<ReferenceAccount> Accounts { get; }

    public DirectoryIndex Index => _index.Value;

    public ReferenceAccount? Find(string referenceId) => _byId.GetValueOrDefault(referenceId);
}
