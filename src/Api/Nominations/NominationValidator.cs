using System.Security.Cryptography;
using System.Text;
using ReferenceFlow.Api.References;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.Nominations;

/// <summary>A nomination as validated at the edge: the contact, the account they join (existing by id, or new), where and why.</summary>
public sealed record NominationProposal(
    string? ReferenceId, ReferenceAccount? NewAccount, ReferenceContact Contact, NominationSource Source, string Reason, string? Quote);

/// <summary>Turns a <see cref="NominationDto"/> into a <see cref="NominationProposal"/>, or field errors named as the body names them.</summary>
public static class NominationValidator
{
    public const int MaxReasonLength = 1000;

    public static NominationProposal? Validate(NominationDto dto, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(errors);
        var referenceId = string.IsNullOrWhiteSpace(dto.ReferenceId) ? null : dto.ReferenceId.Trim();
        ReferenceAccount? account = null;
        if (referenceId is not null)
        {
            if (!ReferenceValidator.IdPattern().IsMatch(referenceId)) errors.Add("referenceId", "Use 1–64 letters, digits, '-' or '_'.");
            if (dto.Account is not null) errors.Add("account", "Give referenceId for an account in the directory, or account for a new one, not both.");
        }
        else if (dto.Account is null)
        {
            errors.Add("account", "Required when referenceId is null: the new account the contact speaks for.");
        }
        else
        {
            var accountErrors = new FieldErrors();
            account = ReferenceValidator.ValidateAccount(NewReferenceId(dto.Account.Account), dto.Account, [], accountErrors);
            errors.AddAll("account.", accountErrors);
        }
        ReferenceContact? contact = null;
        if (dto.Contact is null) errors.Add("contact", "Required: the person you propose.");
        else contact = ReferenceValidator.ValidateContact(dto.Contact, "contact.", errors);
        var source = errors.Enum<NominationSource>("source", dto.Source);
        var reason = errors.Required("reason", dto.Reason, MaxReasonLength);
        var quote = errors.Optional("quote", dto.Quote, MaxReasonLength);
        return errors.Any || contact is null || reason is null
            ? null
            : new NominationProposal(referenceId, account, contact, source, reason, quote);
    }

    /// <summary>The id a new account gets: its name in letters and digits, and a random tail so two of one name differ.</summary>
    public static string NewReferenceId(string? name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? "").Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var stem = slug.ToString().Trim('-');
        return $"{(stem.Length == 0 ? "account" : stem)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
    }
}
