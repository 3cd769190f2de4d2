using System.Text.RegularExpressions;

namespace ReferenceFlow.Domain.People;

/// <summary>
/// Staff named in the Domain's words. The Domain knows staff by address and does no I/O, so where a text names one of
/// our people it holds <see cref="Of"/>'s marker, and whoever shows the text (the email adapter, the pages) puts in the
/// name from the people directory (<see cref="IPeopleDirectory"/>): the same way <c>OurCompany</c> names our company.
/// </summary>
public static partial class StaffNames
{
    /// <summary>Stands for the person with this address until the text is shown; an address with blanks in it is left as it is.</summary>
    public static string Of(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "someone" : email.Trim().Any(char.IsWhiteSpace) ? email.Trim() : "{staff:" + email.Trim() + "}";

    /// <summary>The addresses the text names with <see cref="Of"/>.</summary>
    public static IEnumerable<string> In(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Marker().Matches(text).Select(m => m.Groups["email"].Value);

    /// <summary>
    /// The text with each marker replaced by the person's name, their whole address when nobody knows their name, or "you"
    /// when it names <paramref name="reader"/>.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, StaffMember> known, string? reader = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);
        return Marker().Replace(text, m => Shown(m.Groups["email"].Value, known, reader));
    }

    /// <summary>How the person with <paramref name="email"/> reads to <paramref name="reader"/>.</summary>
    public static string Shown(string email, IReadOnlyDictionary<string, StaffMember> known, string? reader = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (reader is not null && StaffPrecedence.Same(email, reader)) return "you";
        return known.TryGetValue(email, out var person) ? person.Shown : email;
    }

    [GeneratedRegex(@"\{staff:(?<email>[^{}\s]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
