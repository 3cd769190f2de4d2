using System.Text.Json;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The directory's one order, by account name and then id, and the page keys that continue it: the (name, id) of
/// the last account shown, so accounts written meanwhile never shift a page.
/// </summary>
public sealed class DirectoryOrder : IComparer<ReferenceAccount>
{
    public static DirectoryOrder Instance { get; } = new();

    public int Compare(ReferenceAccount? x, ReferenceAccount? y) =>
        x is null || y is null ? Comparer<object>.Default.Compare(x, y) : Compare(x.Account, x.ReferenceId, y.Account, y.ReferenceId);

    private static int Compare(string name, string id, string otherName, string otherId)
    {
        var byName = string.Compare(name, otherName, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(id, otherId);
    }

    public static string TokenAfter(ReferenceAccount last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return PageToken.Encode(JsonSerializer.Serialize(new[] { last.Account, last.ReferenceId }));
    }

    /// <summary>The (name, id) a directory page token continues after, or null when it is not one.</summary>
    public static (string Name, string Id)? TryReadToken(string? token)
    {
        if (PageToken.TryDecode(token) is not { } key) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(key) is [{ } name, { } id] ? (name, id) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="account"/> comes after the page key (name, id).</summary>
    public static bool IsAfter(ReferenceAccount account, (string Name, string Id) key)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Compare(account.Account, account.ReferenceId, key.Name, key.Id) > 0;
    }
}
