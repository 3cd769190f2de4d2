using System.Text.RegularExpressions;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>
/// Takes out of a request's text the names, emails and phones of the candidates' contacts the viewer may not see
/// (<see cref="RequestAccess.CanSeeContact"/>). History lines and the person a request waits on are written for everyone
/// on the request, so they are redacted for the viewer rather than written differently per viewer.
/// </summary>
public sealed class ContactRedaction
{
    /// <summary>What a hidden contact reads as.</summary>
    public const string Hidden = "the reference";

    private readonly IReadOnlyList<string> _exact;
    private readonly Regex? _names;

    private ContactRedaction(IReadOnlyList<string> exact, IReadOnlyList<string> names)
    {
        _exact = exact;
        // Whole names only: "Ann" must not take a bite out of "Annual".
        _names = names.Count == 0
            ? null
            : new Regex($@"(?<!\w)(?:{string.Join('|', names.OrderByDescending(n => n.Length).Select(Regex.Escape))})(?!\w)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public static ContactRedaction For(CurrentUser user, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        var hidden = state.Candidates.Where((_, i) => !RequestAccess.CanSeeContact(user, state, i)).Select(c => c.Contact).ToList();
        var exact = hidden.SelectMany(c => new[] { c.Email, c.Phone })
            .OfType<string>().Where(v => v.Trim().Length > 0).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            // The longest first, so a phone that contains another's digits goes whole.
            .OrderByDescending(v => v.Length).ToList();
        var names = hidden.Select(c => c.Name.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new ContactRedaction(exact, names);
    }

    /// <summary><paramref name="text"/> with every hidden contact's email, phone and name read as <see cref="Hidden"/>.</summary>
    public string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in _exact) text = text.Replace(value, Hidden, StringComparison.OrdinalIgnoreCase);
        return _names?.Replace(text, Hidden) ?? text;
    }

    /// <summary>An address the viewer may see, or null when it is a hidden contact's.</summary>
    public string? Person(string? email) =>
        email is not null && _exact.Contains(email.Trim(), StringComparer.OrdinalIgnoreCase) ? null : email;
}
