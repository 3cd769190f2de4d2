using Microsoft.Playwright;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// axe-core's WCAG 2.0 and 2.1 level A and AA rules, injected from node_modules (npm ci installs it),
/// run on a page as it stands. Every rule of those tags runs: a failure is fixed in the product, not skipped here.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(RepoRoot.Path, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path)) throw new FileNotFoundException("axe-core is missing: run npm ci at the repository root.", path);
        return File.ReadAllText(path);
    });

    // One line per violation, then one per offending element, so a failure reads without a debugger.
    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.flatMap(v => [
            `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
            ...v.nodes.slice(0, 8).map(n => `    on ${n.target.join(' ')}: ${n.html.slice(0, 200)}` +
              (n.failureSummary ? `\n      ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : '')),
            ...(v.nodes.length > 8 ? [`    and ${v.nodes.length - 8} more`] : []),
          ]);
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new() { Content = Script.Value });
        var violations = await page.EvaluateAsync<string[]>(Run);
        Assert.True(violations.Length == 0,
            $"{page.Url} breaks WCAG 2 A/AA rules:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
