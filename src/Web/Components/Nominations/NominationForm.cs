using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.References;

namespace ReferenceFlow.Web.Components.Nominations;

/// <summary>The nominations page's proposal form as posted: lists comma-separated, the contact's id made from their name.</summary>
public sealed class NominationForm
{
    public string? ReferenceId { get; set; }
    public string? Account { get; set; }
    public string? Industry { get; set; }
    public int? Employees { get; set; }
    public string? Country { get; set; }
    public string? Products { get; set; }
    public string? OwnerEmail { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Title { get; set; }
    public string? Seniority { get; set; }
    public string? Persona { get; set; }
    public string? TimeZone { get; set; }
    public string? Languages { get; set; }
    public List<string>? Activities { get; set; }
    public string? Topics { get; set; }
    public string? Source { get; set; }
    public string? Reason { get; set; }
    public string? Quote { get; set; }

    /// <summary>The API's body for this form: an existing account when its id is given, else a new one.</summary>
    public NominationDto ToDto()
    {
        var existing = !string.IsNullOrWhiteSpace(ReferenceId);
        var account = existing ? null : new ReferenceDto(Account, Industry, Employees, null, Country, List(Products), [], [], OwnerEmail, "Active", null);
        var contact = new ContactDto(ContactId(Name), Name, Email, Title, Seniority, Persona, TimeZone, List(Languages),
            [.. (Activities ?? []).Select(a => (string?)a)], List(Topics));
        return new NominationDto(existing ? ReferenceId!.Trim() : null, account, contact, Source, Reason, Quote);
    }

    /// <summary>A contact id from the person's name ("Nina Patel" → "nina-patel"); the account page shows it.</summary>
    public static string? ContactId(string? name)
    {
        var slug = NominationValidator.NewReferenceId(name);
        return string.IsNullOrWhiteSpace(name) ? null : slug[..slug.LastIndexOf('-')];
    }

    private static List<string?> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (string?)v)];
}
