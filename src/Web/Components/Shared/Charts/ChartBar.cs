namespace ReferenceFlow.Web.Components.Shared.Charts;

/// <summary>One bar: its label, its value, the value as the table and the chart write it, and an optional limit drawn as a tick (a cap).</summary>
public sealed record ChartBar(string Label, double Value, string Text, double? Limit = null);

/// <summary>One series of a stacked column chart, with the CSS class that colours it (<c>series-…</c> in app.css).</summary>
public sealed record ChartSeries(string Name, string CssClass);

/// <summary>One column of a stacked column chart: its label and one value per series, in the series' order.</summary>
public sealed record ChartColumn(string Label, IReadOnlyList<int> Values)
{
    public int Total => Values.Sum();
}
