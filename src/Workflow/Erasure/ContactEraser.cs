using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Erasure;
using ReferenceFlow.Storage.Nominations;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Erasure;

/// <summary>
/// A contact's right to be forgotten (decision 032): every store that holds their name, email or phone is rewritten in
/// place with their pseudonym (the phone with nothing), request histories included; finished requests they took part in
/// lose their orchestration; the directory keeps them, pseudonymous and out of the program, so counts still add up.
/// The directory is rewritten last: until then, asking again with the same address finds them and finishes the work.
/// </summary>
public sealed partial class ContactEraser(
    IReferenceDirectory directory,
    NominationStore nominations,
    ContactHolds holds,
    RequestStore requests,
    RequestInstances instances,
    ErasureStores stores,
    ErasureStore erasures,
    IOptions<ErasureOptions> options,
    TimeProvider clock,
    ILogger<ContactEraser> logger)
{
    /// <summary>The mark a request's history gets when a participant's data was erased from it (its page says so).</summary>
    public const string ErasedMark = "participant-erased";

    /// <summary>Who the address belongs to now; nothing is changed.</summary>
    public async Task<ErasureSubject> FindAsync(string email, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        email = email.Trim();
        var snapshot = await directory.SnapshotAsync(ct).ConfigureAwait(false);
        var contacts = snapshot.Accounts
            .SelectMany(a => a.Contacts.Where(c => string.Equals(c.Email.Trim(), email, StringComparison.OrdinalIgnoreCase)).Select(c => (a, c)))
            .ToList();
        var proposed = await nominations.OpenForEmailAsync(email, ct).ConfigureAwait(false);
        var people = contacts.Select(x => x.c).Concat(proposed.Select(n => n.Contact)).ToList();
        return new ErasureSubject(email, contacts, [.. people.Select(p => p.Name)], [.. people.Select(p => p.Phone).OfType<string>()]);
    }

    /// <summary>The open requests asking or having introduced one of <paramref name="subject"/>'s contacts now.</summary>
    public async Task<IReadOnlyList<string>> BusyInAsync(ErasureSubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var keys = subject.Contacts.Select(x => new ContactKey(x.Account.ReferenceId, x.Contact.ContactId)).ToList();
        var busy = new List<string>();
        foreach (var hold in await holds.AmongAsync(keys, ct).ConfigureAwait(false))
        {
            // A hold row can outlive its request's letting go: the history decides (decision 028).
            if (await requests.LoadAsync(hold.RequestId, ct).ConfigureAwait(false) is { } held && held.State.StillHolds(hold.Contact)) busy.Add(hold.RequestId);
        }
        return busy;
    }

    /// <summary>Erases <paramref name="email"/>'s owner everywhere; throws <see cref="ContactBusyException"/> while an open request asks them.</summary>
    public async Task<ErasureRecord> EraseAsync(string email, string requestedBy, CancellationToken ct)
    {
        var subject = await FindAsync(email, ct).ConfigureAwait(false);
        if (await BusyInAsync(subject, ct).ConfigureAwait(false) is { Count: > 0 } busy) throw new ContactBusyException(busy);
        var pseudonym = Pseudonym.For(subject.PseudonymSource, options.Value.Key());
        var person = new PersonalData(subject.Email, subject.Names, subject.Phones, pseudonym);
        var record = new ErasureRecord(Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"), ErasureState.Running, pseudonym.Name,
            subject.Contacts.Count > 0, requestedBy, clock.GetUtcNow(), null, [], []);
        await erasures.SaveAsync(record, ct).ConfigureAwait(false);
        try
        {
            record = await RunAsync(record, subject, person, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, record.Id);
            record = record with { State = ErasureState.Failed, FinishedAt = clock.GetUtcNow(), Error = "Not every store could be cleared; ask again with the same address to finish." };
        }
        await erasures.SaveAsync(record, ct).ConfigureAwait(false);
        return record;
    }

    private async Task<ErasureRecord> RunAsync(ErasureRecord record, ErasureSubject subject, PersonalData person, CancellationToken ct)
    {
        var cleared = new List<StoreCleared>();
        var tables = await stores.TablesAsync(ct).ConfigureAwait(false);
        // The histories first: they say which requests the contact took part in.
        var historyTable = stores.Histories;
        var histories = await TableScrubber.ScrubAsync(stores.Table(historyTable), person, ct).ConfigureAwait(false);
        cleared.Add(new StoreCleared(historyTable, histories.Rows));
        var touched = histories.Partitions.Select(KeyEncoding.Decode).Order(StringComparer.Ordinal).ToList();
        foreach (var requestId in touched)
        {
            // A finished request's orchestration goes (its inputs held the candidates); an open one's is rewritten below.
            if (await requests.LoadAsync(requestId, ct).ConfigureAwait(false) is { State.IsOpen: false })
            {
                await instances.PurgeAsync(requestId, ct).ConfigureAwait(false);
            }
            await requests.TryMarkAsync(requestId, ErasedMark, ct).ConfigureAwait(false);
        }
        foreach (var table in tables)
        {
            var result = await TableScrubber.ScrubAsync(stores.Table(table), person, ct).ConfigureAwait(false);
            cleared.Add(new StoreCleared(table, result.Rows));
        }
        foreach (var container in await stores.ContainersAsync(ct).ConfigureAwait(false))
        {
            cleared.Add(new StoreCleared(container, await BlobScrubber.ScrubAsync(stores.Container(container), person, ct).ConfigureAwait(false)));
        }
        // Not scanned like the others: another contact may share a phone (a switchboard) and must keep it.
        cleared.Add(new StoreCleared(stores.Directory, await PseudonymizeInDirectoryAsync(subject, person.Pseudonym, ct).ConfigureAwait(false)));
        LogErased(logger, record.Id, touched.Count);
        return record with { State = ErasureState.Done, FinishedAt = clock.GetUtcNow(), Stores = cleared, Requests = touched };
    }

    /// <summary>The contact stays, under the pseudonym, with no phone and out of the program (never matched or asked again);
    /// written through the directory so that every reader's snapshot moves on.</summary>
    private async Task<int> PseudonymizeInDirectoryAsync(ErasureSubject subject, Pseudonym pseudonym, CancellationToken ct)
    {
        var rewritten = 0;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var referenceId in subject.Contacts.Select(x => x.Account.ReferenceId).Distinct(StringComparer.Ordinal))
        {
            if (await directory.GetAsync(referenceId, ct).ConfigureAwait(false) is not { } account) continue;
            var erased = subject.Contacts.Where(x => x.Account.ReferenceId == referenceId).Select(x => x.Contact.ContactId).ToHashSet(StringComparer.Ordinal);
            var contacts = account.Contacts
                .Select(c => erased.Contains(c.ContactId)
                    ? c with { Name = pseudonym.Name, Email = pseudonym.Email, Phone = null, LeftProgramOn = c.LeftProgramOn ?? today }
                    : c)
                .ToList();
            await directory.UpsertAsync(account with { Contacts = contacts }, ct).ConfigureAwait(false);
            rewritten++;
        }
        return rewritten;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId} done: {Requests} request histories rewritten")]
    private static partial void LogErased(ILogger logger, string erasureId, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasure {ErasureId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string erasureId);
}
