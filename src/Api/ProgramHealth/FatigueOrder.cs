using System.Text.Json;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>
/// The fatigue list's order: the directory's (account name, id), then contact id; a page continues after the key
/// of its last row, so contacts written meanwhile never shift a page. Retired accounts are left out: nobody asks them.
/// </summary>
public static class FatigueOrder
{
    public sealed record Key(string Name, string ReferenceId, string ContactId);

    public static IEnumerable<(ReferenceAccount Account, ReferenceContact Contact)> Contacts(IEnumerable<ReferenceAccount> inDirectoryOrder) =>
        inDirectoryOrder
            .Where(a => a.Status != AccountStatus.Retired)
            .SelectMany(a => a.Contacts.OrderBy(c => c.ContactId, StringComparer.Ordinal).Select(c => (a, c)));

    public static string Token(string name, string referenceId, string contactId) =>
        PageToken.Encode(JsonSerializer.Serialize(new[] { name, referenceId, contactId }));

    public static Key? TryReadToken(string? token)
    {
        if (PageToken.TryDecode(token) is not { } key) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(key) is [{ } name, { } id, { } contact] ? new Key(name, id, contact) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsAfter(ReferenceAccount account, ReferenceContact contact, Key key)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(key);
        if (DirectoryOrder.IsAfter(account, (key.Name, key.ReferenceId))) return true;
        var sameAccount = string.Equals(account.Account, key.Name, StringComparison.OrdinalIgnoreCase) && account.ReferenceId == key.ReferenceId;
        return sameAccount && string.CompareOrdinal(contact.ContactId, key.ContactId) > 0;
    }
}
