using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Workflow.Erasure;

/// <summary>Who an erasure is about, as found before anything changes: the directory's contacts with that address (one
/// person may speak for two accounts) and the names and phones they and their nominations carry.</summary>
public sealed record ErasureSubject(string Email, IReadOnlyList<(ReferenceAccount Account, ReferenceContact Contact)> Contacts, IReadOnlyList<string> Names, IReadOnlyList<string> Phones)
{
    /// <summary>What the pseudonym is derived from: the first contact's directory key, or the address when the directory never held it.</summary>
    public string PseudonymSource => Contacts.Count > 0
        ? new ContactKey(Contacts[0].Account.ReferenceId, Contacts[0].Contact.ContactId).ToString()
        : Email.ToLowerInvariant();
}
