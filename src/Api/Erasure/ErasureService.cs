using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Storage.Erasure;
using ReferenceFlow.Workflow.Erasure;

namespace ReferenceFlow.Api.Erasure;

/// <summary>Erasing a contact, for the API and the program manager's page (api.md, "Erasure and retention").</summary>
public sealed class ErasureService(ContactEraser eraser, ErasureStore erasures)
{
    public const int MaxEmailLength = 320;

    /// <summary>The address as given, trimmed; null (and an error on "email") when it cannot be one.</summary>
    public static string? ReadEmail(string? email, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxEmailLength || trimmed.IndexOf('@', StringComparison.Ordinal) is <= 0 || trimmed.EndsWith('@'))
        {
            errors.Add("email", "Required: the contact's email address.");
            return null;
        }
        return trimmed;
    }

    /// <summary>What erasing <paramref name="email"/> would touch, for the confirmation step: nothing is changed.</summary>
    public async Task<ErasurePreview> PreviewAsync(string email, CancellationToken ct)
    {
        var subject = await eraser.FindAsync(email, ct);
        var busy = await eraser.BusyInAsync(subject, ct);
        return new ErasurePreview(email, [.. subject.Contacts.Select(x => new ErasurePreview.Found(x.Account.Account, x.Contact.Name, x.Contact.Title))], busy);
    }

    public async Task<ErasureOutcome> EraseAsync(string email, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            return new ErasureOutcome.Done(await eraser.EraseAsync(email, user.Email, ct));
        }
        catch (ContactBusyException e)
        {
            return new ErasureOutcome.Busy(e.RequestIds);
        }
    }

    public Task<ErasureRecord?> GetAsync(string id, CancellationToken ct) => erasures.GetAsync(id, ct);
}

/// <summary>The contacts an address belongs to, and the open requests asking them now (which block the erasure).</summary>
public sealed record ErasurePreview(string Email, IReadOnlyList<ErasurePreview.Found> Contacts, IReadOnlyList<string> BusyIn)
{
    public sealed record Found(string Account, string Name, string Title);
}

public abstract record ErasureOutcome
{
    public sealed record Done(ErasureRecord Record) : ErasureOutcome;

    public sealed record Busy(IReadOnlyList<string> RequestIds) : ErasureOutcome;
}
