namespace ReferenceFlow.Domain.Health.Capacity;

/// <summary>What runs dry soon enough that the program manager hears of it: within four weeks, time to nominate and invite.</summary>
public static class CapacityWarning
{
    public const int Weeks = 4;

    /// <summary>The rows that run dry within <see cref="Weeks"/> of <paramref name="today"/>, soonest first.</summary>
    public static IReadOnlyList<CapacityRow> Due(IReadOnlyList<CapacityRow> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var by = today.AddDays(7 * Weeks);
        return [.. rows.Where(r => r.RunsDryOn is { } dry && dry <= by).OrderBy(r => r.RunsDryOn)];
    }
}
