using System.Diagnostics.CodeAnalysis;

namespace ReferenceFlow.Domain.Requests;

/// <summary>Reads an outcome as people send it, by its exact name only, so "won" or "1" is an error rather than a guess.</summary>
public static class DealOutcomes
{
    /// <summary>"Won or Lost": the choices, for error messages.</summary>
    public static string Choices { get; } = string.Join(" or ", Enum.GetNames<DealOutcome>());

    public static bool TryParse([NotNullWhen(true)] string? text, out DealOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<DealOutcome>())
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
