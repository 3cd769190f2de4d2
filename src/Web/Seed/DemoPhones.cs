namespace ReferenceFlow.Web.Seed;

/// <summary>
/// Demo phone numbers that match the contact's country: its calling code and the shape of a mobile number there.
/// In a pattern, '#' is any digit and 'N' a digit from 2 to 9 (North American area codes and exchanges never start
/// with 0 or 1).
/// </summary>
internal static class DemoPhones
{
    private static readonly Dictionary<string, string> Patterns = new(StringComparer.Ordinal)
    {
        ["FR"] = "+33 6 ## ## ## ##",
        ["DE"] = "+49 151 ########",
        ["GB"] = "+44 7### ######",
        ["US"] = "+1 N##-N##-####",
        ["CA"] = "+1 N##-N##-####",
        ["JP"] = "+81 90-####-####",
        ["BR"] = "+55 11 9####-####",
        ["IN"] = "+91 9#### #####",
        ["AU"] = "+61 4## ### ###",
        ["ES"] = "+34 6## ## ## ##",
        ["NL"] = "+31 6 ########",
        ["SG"] = "+65 9### ####",
        ["SE"] = "+46 70 ### ## ##",
        ["IT"] = "+39 3## ### ####",
    };

    public static string For(string country, Random random)
    {
        if (!Patterns.TryGetValue(country, out var pattern))
        {
            throw new ArgumentException($"No demo phone pattern for {country}: add one beside the place.", nameof(country));
        }
        return string.Create(pattern.Length, (pattern, random), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = state.pattern[i] switch
                {
                    '#' => (char)('0' + state.random.Next(10)),
                    'N' => (char)('2' + state.random.Next(8)),
                    var c => c,
                };
            }
        });
    }
}
