using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Common;

/// <summary>
/// The label of any enumeration value a person may read, by way of each type's own words (ReferenceWords, PurposeWords,
/// GiftWords, RequestStatusWords, NominationWords): for code that handles enumerations generically, such as a validation message
/// listing the choices. A type without words of its own is shown by its name.
/// </summary>
public static class Labels
{
    public static string Of(Enum value) => value switch
    {
        Seniority s => s.Words(),
        Persona p => p.Words(),
        Activity a => a.Words(),
        AccountStatus s => s.Words(),
        Purpose p => p.Words(),
        GiftKind g => g.Words(),
        RequestStatus s => s.Words(),
        NominationSource s => s.Words(),
        NominationState s => s.Words(),
        null => throw new ArgumentNullException(nameof(value)),
        _ => value.ToString(),
    };

    /// <summary>Every value's label, as a choice in a sentence: "Manager, Director, VP or C-level".</summary>
    public static string Choices<T>() where T : struct, Enum => Or([.. Enum.GetValues<T>().Select(v => Of(v))]);

    private static string Or(IReadOnlyList<string> items) =>
        items.Count < 2 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];
}
