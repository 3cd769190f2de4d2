namespace ReferenceFlow.Web.Components.Shared.Charts;

/// <summary>
/// Chart labels shortened to what fits a phone-wide chart at the chart's type size; the full text goes in a title
/// (a tooltip) and stays whole in the table beside the chart.
/// </summary>
public static class ChartLabel
{
    /// <summary>About what 12 px text fits across a 300 px wide chart.</summary>
    public const int MaxLength = 40;

    public static bool IsShortened(string label) => label.Length > MaxLength;

    public static string Short(string label) => IsShortened(label) ? label[..(MaxLength - 1)].TrimEnd() + "…" : label;
}
