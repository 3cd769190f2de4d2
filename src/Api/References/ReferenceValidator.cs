using System.Text.RegularExpressions;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.People;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.References;

/// <summary>Turns a <see cref="ReferenceDto"/> into a <see cref="ReferenceAccount"/>, or field errors.</summary>
public static partial class ReferenceValidator
{
    public static ReferenceAccount? Validate(string referenceId, ReferenceDto dto, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(errors);
        var contacts = new List<ReferenceContact>();
        if (dto.Contacts is null || dto.Contacts.Count == 0) errors.Add("contacts", "At least one contact is required.");
        else if (dto.Contacts.Count > 20) errors.Add("contacts", "At most 20 contacts per account.");
        else
        {
            for (var i = 0; i < dto.Contacts.Count; i++)
            {
                var contact = dto.Contacts[i] is { } c ? ValidateContact(c, $"contacts[{i}].", errors) : null;
                if (dto.Contacts[i] is null) errors.Add($"contacts[{i}]", "Required.");
                else if (contact is not null && contacts.Any(x => x.ContactId == contact.ContactId)) errors.Add($"contacts[{i}].contactId", "Duplicate contact id.");
                else if (contact is not null) contacts.Add(contact);
            }
        }
        return ValidateAccount(referenceId, dto, contacts, errors);
    }

    /// <summary>The account's own fields, with contacts already validated (the CSV import builds them row by row).</summary>
    public static ReferenceAccount? ValidateAccount(string referenceId, ReferenceDto dto, IReadOnlyList<ReferenceContact> contacts, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(errors);
        if (!IdPattern().IsMatch(referenceId)) errors.Add("referenceId", "Use 1–64 letters, digits, '-' or '_'.");
        var account = errors.Required("account", dto.Account);
        var industry = errors.Required("industry", dto.Industry, 100);
        errors.Range("employees", dto.Employees, 1, 10_000_000);
        errors.Range("annualRevenueUsd", dto.AnnualRevenueUsd, 0, 10_000_000_000_000, required: false);
        var country = errors.Country("country", dto.Country);
        var owner = errors.Email("ownerEmail", dto.OwnerEmail);
        // The owner's name is the person's, not the account's: it goes to the people directory (OwnerOf), not on the account.
        errors.Optional("ownerName", dto.OwnerName, RememberedNames.MaxNameLength);
        var status = errors.Enum<AccountStatus>("status", dto.Status);
        var products = errors.List("products", dto.Products);
        var useCases = errors.List("useCases", dto.UseCases);
        var migratedFrom = errors.List("migratedFrom", dto.MigratedFrom);
        var notes = errors.Optional("healthNotes", dto.HealthNotes);
        if (errors.Any) return null;
        return new ReferenceAccount(referenceId, account!, industry!, dto.Employees!.Value, dto.AnnualRevenueUsd ?? 0, country!,
            products, useCases, migratedFrom, owner!, status, contacts, notes);
    }

    public static ReferenceContact? ValidateContact(ContactDto dto, string prefix, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(errors);
        var id = errors.Required(prefix + "contactId", dto.ContactId, 64);
        if (id is not null && !IdPattern().IsMatch(id)) errors.Add(prefix + "contactId", "Use 1–64 letters, digits, '-' or '_'.");
        var name = errors.Required(prefix + "name", dto.Name);
        var email = errors.Email(prefix + "email", dto.Email);
        var title = errors.Required(prefix + "title", dto.Title);
        var seniority = errors.Enum<Seniority>(prefix + "seniority", dto.Seniority);
        var persona = errors.Enum<Persona>(prefix + "persona", dto.Persona);
        var zone = errors.TimeZone(prefix + "timeZone", dto.TimeZone);
        var languages = errors.List(prefix + "languages", dto.Languages, required: true);
        foreach (var language in languages) errors.Language(prefix + "languages", language);
        var activities = errors.List(prefix + "activities", dto.Activities, required: true)
            .Select(a => errors.Enum<Activity>(prefix + "activities", a)).Distinct().ToList();
        var topics = errors.List(prefix + "topics", dto.Topics);
        errors.Range(prefix + "maxCallsPerQuarter", dto.MaxCallsPerQuarter, 0, 100, required: false);
        var phone = errors.Optional(prefix + "phone", dto.Phone, 40);
        return id is null || name is null || email is null || title is null || zone is null
            ? null
            : new ReferenceContact(id, name, email, title, seniority, persona, zone,
                languages.Select(l => l.ToLowerInvariant()).ToList(), activities, topics,
                dto.MaxCallsPerQuarter, dto.PausedUntil, dto.ConsentExpires, phone);
    }

    /// <summary>What the account's owner columns say about the owner, when they name them (checked by <see cref="ValidateAccount"/>).</summary>
    public static KnownName? OwnerOf(ReferenceDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return string.IsNullOrWhiteSpace(dto.OwnerName) || string.IsNullOrWhiteSpace(dto.OwnerEmail)
            ? null
            : new KnownName(dto.OwnerEmail.Trim(), dto.OwnerName.Trim(), NameSource.Directory);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex IdPattern();
}
