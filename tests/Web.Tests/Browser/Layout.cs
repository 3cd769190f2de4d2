using Microsoft.Playwright;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>What a reader sees of a page's layout, measured in the browser: overflow, chart type sizes, clipped text.</summary>
public static class Layout
{
    public const int Laptop = 1280;
    public const int Phone = 390;

    /// <summary>How many CSS pixels the page is wider than the window (0 when nothing makes it scroll sideways).</summary>
    public static Task<int> PageOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>Elements that reach past the window's right edge unclipped, to say what makes a page scroll sideways.</summary>
    public static Task<string[]> PastTheEdgeAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('body *')]
          .filter(e => {
            if (e.getBoundingClientRect().right <= document.documentElement.clientWidth + 1) return false;
            // Inside a scrolling box it scrolls there, unless it is positioned out of it.
            if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return true;
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return false;
            }
            return true;
          })
          .slice(-6).map(e => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent || '').trim().slice(0, 60)}`)
        """);

    /// <summary>The smallest chart text as drawn on screen: its font size times the SVG's scale to the screen.</summary>
    public static Task<double> SmallestChartTextAsync(IPage page) => page.EvaluateAsync<double>("""
        () => Math.min(...[...document.querySelectorAll('svg.chart text')]
          .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))
        """);

    /// <summary>Chart texts drawn past the left or right edge of their chart, where they are cut.</summary>
    public static Task<string[]> CutChartTextAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
            .map(t => `${svg.getAttribute('aria-labelledby')}: "${t.textContent}"`);
        })
        """);

    /// <summary>Tables whose content is cut off: wider than their box with no way to scroll to the rest.</summary>
    public static Task<string[]> ClippedTablesAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('table')].filter(table => {
          const box = table.parentElement;
          const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
          const card = table.closest('.card') ?? document.body;
          const outside = box.getBoundingClientRect().right > card.getBoundingClientRect().right + 1;
          return outside || (table.getBoundingClientRect().width > box.clientWidth + 1 && !scrolls);
        }).map(t => t.id || t.getAttribute('aria-labelledby') || t.textContent.slice(0, 40))
        """);

    /// <summary>Whether <paramref name="selector"/>'s table fits its box without scrolling sideways.</summary>
    public static Task<bool> FitsWithoutScrollingAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => { const t = document.querySelector(s); return t.scrollWidth <= t.parentElement.clientWidth + 1; }", selector);

    /// <summary>The distinct top edges of the elements <paramref name="selector"/> finds, rounded: one value is one row.</summary>
    public static Task<int[]> RowTopsAsync(IPage page, string selector) =>
        page.EvaluateAsync<int[]>("s => [...new Set([...document.querySelectorAll(s)].map(e => Math.round(e.getBoundingClientRect().top)))]", selector);

    /// <summary>How far down the page the element is.</summary>
    public static async Task<double> TopAsync(ILocator locator) => (await locator.BoundingBoxAsync())?.Y ?? throw new InvalidOperationException("Not shown.");
}
