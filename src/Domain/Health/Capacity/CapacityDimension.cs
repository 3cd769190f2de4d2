using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Health.Capacity;

/// <summary>What the program forecasts its capacity by: what requests ask for and references offer.</summary>
public enum CapacityDimension { Topic, Industry, Country, Product }

/// <summary>
/// A request's needs and a contact's offer as keys ("Topic|migration"), one per dimension value: the day tallies count
/// demand by them, and the forecast matches demand to supply on them (without regard to case).
/// </summary>
public static class CapacityKeys
{
    private const char Separator = '|';

    /// <summary>What a request asks for: its topics, and its prospect's industry, country and products.</summary>
    public static IReadOnlyList<string> Needs(RequestIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var p = intake.Prospect;
        return Distinct([
            .. intake.Topics.Select(t => Key(CapacityDimension.Topic, t)),
            Key(CapacityDimension.Industry, p.Industry),
            Key(CapacityDimension.Country, p.Country),
            .. p.Products.Select(x => Key(CapacityDimension.Product, x)),
        ]);
    }

    /// <summary>What a contact can speak for: their topics, and their account's industry, country and products.</summary>
    public static IReadOnlyList<string> Offers(ReferenceAccount account, ReferenceContact contact)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        return Distinct([
            .. contact.Topics.Select(t => Key(CapacityDimension.Topic, t)),
            Key(CapacityDimension.Industry, account.Industry),
            Key(CapacityDimension.Country, account.Country),
            .. account.Products.Select(x => Key(CapacityDimension.Product, x)),
        ]);
    }

    public static string Key(CapacityDimension dimension, string value) => $"{dimension}{Separator}{value.Trim()}";

    public static (CapacityDimension Dimension, string Value)? Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 && Enum.TryParse<CapacityDimension>(key[..at], out var dimension) && at < key.Length - 1
            ? (dimension, key[(at + 1)..])
            : null;
    }

    private static List<string> Distinct(IEnumerable<string> keys) =>
        [.. keys.Where(k => Parse(k) is not null).Distinct(StringComparer.OrdinalIgnoreCase)];
}
