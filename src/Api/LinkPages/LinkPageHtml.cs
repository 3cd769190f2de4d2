using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReferenceFlow.Api.LinkPages;

/// <summary>
/// Renders a link page (a Razor component taking its page model as <c>Model</c>) to an HTML document with the static
/// HTML renderer: the Functions app has no Razor Components endpoint, so both hosts render the same way. The renderer
/// HTML-encodes every value it writes.
/// </summary>
public static class LinkPageHtml
{
    public const string ModelParameter = "Model";

    public static async Task<string> RenderAsync<TPage>(IServiceProvider services, object model) where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        // A renderer keeps what it rendered until it is disposed: one per page, never one for the whole app.
        await using var renderer = new HtmlRenderer(services, services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [ModelParameter] = model });
            var page = await renderer.RenderComponentAsync<TPage>(parameters);
            return page.ToHtmlString();
        });
    }
}
