using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.References;

/// <summary>PUT /api/references/{referenceId}/standing-approval body (api.md): null for any of the lists means "all".</summary>
public sealed record StandingApprovalDto(List<string?>? ContactIds, List<string?>? Topics, List<string?>? Activities, DateOnly? Until);

public static class StandingApprovalInput
{
    /// <summary>The rule <paramref name="dto"/> asks for on <paramref name="account"/>, or null with the errors by field.</summary>
    public static StandingApproval? Validate(
        StandingApprovalDto dto, ReferenceAccount account, string setBy, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        IReadOnlyList<string>? contacts = null;
        if (dto.ContactIds is not null)
        {
            contacts = errors.List("contactIds", dto.ContactIds, required: true);
            for (var i = 0; i < contacts.Count; i++)
            {
                if (account.Contacts.All(c => c.ContactId != contacts[i] || c.LeftProgramOn is not null))
                {
                    errors.Add($"contactIds[{i}]", $"{account.Account} has no contact '{contacts[i]}' in the program.");
                }
            }
        }
        var topics = dto.Topics is null ? null : errors.List("topics", dto.Topics, required: true);
        var activities = dto.Activities is null
            ? null
            : errors.List("activities", dto.Activities, required: true).Select(a => errors.Enum<Activity>("activities", a)).Distinct().ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (dto.Until is { } until && until < today) errors.Add("until", "The date is in the past: the approval would never apply.");
        return errors.Any ? null : new StandingApproval(contacts, topics, activities, dto.Until, setBy, now);
    }
}
