using System.Globalization;
using System.Net;
using System.Text;

namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>One grouped bar chart of the shares (fulfilled in time, unfulfilled, Gini, similarity) per strategy, as SVG with its numbers.</summary>
internal static class Chart
{
    private static readonly string[] Colors = ["#1f6feb", "#8250df", "#bf3989"];

    public static string Render(IReadOnlyList<Outcome> outcomes)
    {
        (string Name, Func<Outcome, double> Value)[] metrics =
        [
            ("Fulfilled in lead time", o => o.FulfilledInTime), ("Unfulfilled", o => o.Unfulfilled),
            ("Gini of calls per contact", o => o.Gini), ("Mean similarity", o => o.MeanSimilarity),
        ];
        const int width = 820, height = 340, left = 40, top = 40, plot = 220, group = 170, bar = 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"t d\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<title id=\"t\">A year of demand: ReferenceFlow against reserving every candidate and greedy best match</title>");
        svg.Append("<desc id=\"d\">").Append(WebUtility.HtmlEncode(string.Join("; ", outcomes.Select(o => string.Create(CultureInfo.InvariantCulture,
            $"{o.Strategy}: fulfilled {o.FulfilledInTime:P0}, unfulfilled {o.Unfulfilled:P0}, Gini {o.Gini:F2}, similarity {o.MeanSimilarity:F2}, cap violations {o.CapViolations}"))))).Append("</desc>");
        for (var m = 0; m < metrics.Length; m++)
        {
            var x0 = left + (m * group);
            for (var s = 0; s < outcomes.Count; s++)
            {
                var value = Math.Clamp(metrics[m].Value(outcomes[s]), 0, 1);
                var h = value * plot;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x0 + (s * (bar + 4))}\" y=\"{top + plot - h:F1}\" width=\"{bar}\" height=\"{h:F1}\" fill=\"{Colors[s % Colors.Length]}\"><title>{outcomes[s].Strategy}: {value:F3}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + (s * (bar + 4)) + (bar / 2)}\" y=\"{top + plot - h - 4:F1}\" text-anchor=\"middle\">{value:F2}</text>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + 64}\" y=\"{top + plot + 18}\" text-anchor=\"middle\">{metrics[m].Name}</text>");
        }
        for (var s = 0; s < outcomes.Count; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + (s * 260)}\" y=\"{height - 36}\" width=\"12\" height=\"12\" fill=\"{Colors[s % Colors.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (s * 260) + 18}\" y=\"{height - 26}\">{outcomes[s].Strategy} (cap violations {outcomes[s].CapViolations})</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
