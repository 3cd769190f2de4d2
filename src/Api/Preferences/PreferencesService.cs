using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Faults;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Api.Preferences;

/// <summary>
/// A reference contact's self-service page behind their signed link: viewing never changes anything; a posted change is
/// written to their directory row (what matching reads next) and to their change log; leaving or pausing also lets
/// them go from the request asking about them right now. The link is not single use.
/// </summary>
public sealed partial class PreferencesService(
    ActionTokenService tokens, IReferenceDirectory directory, IUsageReader usage, ThanksLedger thanks, ContactChangeLog log,
    ContactHolder holder, RequestWorkflow requests, WorkflowPolicy policy, TimeProvider clock, ILogger<PreferencesService> logger)
{
    private const int LogLines = 50;

    public async Task<PreferencesPageModel> ViewAsync(string token, CancellationToken ct)
    {
        var (claims, refused) = Check(token);
        if (refused is not null) return refused;
        var found = await FindAsync(claims!, ct);
        return found is null ? Gone() : await PageAsync(token, found.Value.Account, found.Value.Contact, null, null, null, ct);
    }

    public async Task<PreferencesPageModel> ChangeAsync(string token, PreferencesForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (claims, refused) = Check(token);
        if (refused is not null) return refused;
        var key = claims!.Contact;
        var found = await FindAsync(claims, ct);
        if (found is not { } f) return Gone();
        if (f.Contact.LeftProgramOn is not null) return new PreferencesPageModel.Left(f.Contact, f.Account, false, await HistoryAsync(key, f.Contact, ct));

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors();
        var change = form.Validate(errors, policy.MaxCallsPerQuarter, f.Contact.MaxCallsPerQuarter, today);
        if (change is null) return await PageAsync(token, f.Account, f.Contact, errors.ToDictionary(), form, null, ct);

        var (after, changes) = ContactPreferences.Apply(f.Contact, change, today);
        if (changes.Count > 0)
        {
            var account = f.Account with { Contacts = [.. f.Account.Contacts.Select(c => c.ContactId == key.ContactId ? after : c)] };
            // The directory first: the next match reads it. A log line without the change would tell the contact a lie.
            await directory.UpsertAsync(account, ct);
            await log.AppendAsync(key, now, changes, ct);
            LogChanged(logger, key.ReferenceId, key.ContactId, string.Join("; ", changes));
            if (UnavailableBecause(f.Contact, after, today) is { } reason) await LetGoAsync(after, key, reason, now, ct);
        }
        return change.LeaveProgram
            ? new PreferencesPageModel.Left(after, f.Account, true, await HistoryAsync(key, after, ct))
            : await PageAsync(token, f.Account, after, null, null, changes, ct);
    }

    /// <summary>Why a change makes the contact someone no request may ask now: they left, or paused from today on.</summary>
    private static string? UnavailableBecause(ReferenceContact before, ReferenceContact after, DateOnly today) =>
        after.LeftProgramOn is not null ? "left the reference program"
        : after.PausedUntil is { } until && until > today && after.PausedUntil != before.PausedUntil ? $"paused until {TimeWords.Date(until)}"
        : null;

    /// <summary>
    /// The request asking about this contact (their owner, or them) moves on. Best effort after the change is saved: a
    /// request not told now still moves on when its ask times out, and the next match already leaves the contact out.
    /// </summary>
    private async Task LetGoAsync(ReferenceContact contact, ContactKey key, string reason, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            foreach (var (hold, _) in await holder.HoldersAsync([key], ct))
            {
                await requests.SendAsync(hold.RequestId, new WithdrawCandidate(key, reason, now), ct);
            }
        }
        catch (StorageUnavailableException e)
        {
            LogNotLetGo(logger, e, key.ReferenceId, key.ContactId);
        }
    }

    private async Task<PreferencesPageModel> PageAsync(string token, ReferenceAccount account, ReferenceContact contact,
        IReadOnlyDictionary<string, string[]>? errors, PreferencesForm? posted, IReadOnlyList<string>? saved, CancellationToken ct)
    {
        var key = new ContactKey(account.ReferenceId, contact.ContactId);
        if (contact.LeftProgramOn is not null) return new PreferencesPageModel.Left(contact, account, false, await HistoryAsync(key, contact, ct));
        var history = HistoryAsync(key, contact, ct);
        var changes = log.ReadAsync(key, LogLines, ct);
        return new PreferencesPageModel.Settings(token, account, contact, policy.MaxCallsPerQuarter,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), await history, await changes, errors, posted, saved);
    }

    private async Task<ContactHistory> HistoryAsync(ContactKey key, ReferenceContact contact, CancellationToken ct)
    {
        var held = usage.ForContactsAsync([(key.ReferenceId, key.ContactId)], ct);
        var thanked = thanks.ForContactsAsync([key], ct);
        return new ContactHistory([.. (await held).OrderByDescending(u => u.At).Select(u => new HeldActivity(u.Activity.ToString(), u.At))], await thanked,
            TimeWords.Zone(contact.TimeZone, policy.BusinessTimeZone));
    }

    /// <summary>
    /// The contact the link was sent to. A contact id that now names another address (removed, then reused for someone
    /// else) is not theirs: the person the link was sent to is no longer in the directory.
    /// </summary>
    private async Task<(ReferenceAccount Account, ReferenceContact Contact)?> FindAsync(PreferenceClaims claims, CancellationToken ct)
    {
        var account = await directory.GetAsync(claims.ReferenceId, ct);
        var contact = account?.Contacts.FirstOrDefault(c => c.ContactId == claims.ContactId);
        return account is null || contact is null || !tokens.IsPreferencesFor(claims, contact.Email) ? null : (account, contact);
    }

    /// <summary>The refusal of a token whose signature or expiry is wrong, read from the token alone (no storage), so a
    /// post's body need not be read for a link that cannot act; null when the token may go on to be checked in full.</summary>
    public PreferencesPageModel? RefusalBeforeReading(string token) => Check(token).Refused;

    private (PreferenceClaims? Claims, PreferencesPageModel.Refused? Refused) Check(string token) => tokens.ValidatePreferences(token, clock.GetUtcNow()) switch
    {
        PreferenceTokenValidation.Valid v => (v.Claims, null),
        PreferenceTokenValidation.Expired => (default, new PreferencesPageModel.Refused(410, "This link has expired",
            "Links to your settings work for 90 days. The newest email we sent you carries a fresh one; or reply to it and we will help.")),
        _ => (default, new PreferencesPageModel.Refused(400, "This link is not valid",
            "It may have been cut short or altered. Use the link in the newest email we sent you. Nothing was changed.")),
    };

    private static PreferencesPageModel.Refused Gone() => new(404, "We could not find your details",
        "Your contact details are no longer in our reference directory, so there is nothing to change. Nothing was changed.");

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reference contact {ReferenceId}/{ContactId} changed their preferences: {Changes}")]
    private static partial void LogChanged(ILogger logger, string referenceId, string contactId, string changes);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Reference contact {ReferenceId}/{ContactId} is no longer available, but storage did not answer; their open ask moves on when it times out")]
    private static partial void LogNotLetGo(ILogger logger, Exception exception, string referenceId, string contactId);
}
