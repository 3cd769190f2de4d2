using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace ReferenceFlow.Functions.Tests.Http;

/// <summary>One HTTP trigger as functions.metadata declares it to the host: methods, route template, entry point.</summary>
public sealed class HttpTriggerRoute
{
    private readonly TemplateMatcher _matcher;
    private readonly IReadOnlySet<string> _methods;

    private HttpTriggerRoute(string name, IEnumerable<string> methods, string route, MethodInfo entryPoint)
    {
        Name = name;
        _methods = methods.Select(m => m.ToUpperInvariant()).ToHashSet();
        Template = TemplateParser.Parse(route);
        _matcher = new TemplateMatcher(Template, new RouteValueDictionary());
        EntryPoint = entryPoint;
    }

    public string Name { get; }

    public RouteTemplate Template { get; }

    public MethodInfo EntryPoint { get; }

    /// <summary>The route values when the request is this trigger's, else null.</summary>
    public RouteValueDictionary? Match(string method, string path)
    {
        var values = new RouteValueDictionary();
        return _methods.Contains(method.ToUpperInvariant()) && _matcher.TryMatch(path, values) ? values : null;
    }

    /// <summary>Every HTTP trigger of the metadata, literal routes before parameterised ones (as the host orders them).</summary>
    public static IReadOnlyList<HttpTriggerRoute> From(IEnumerable<JsonElement> functions, Assembly app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return functions
            .Select(f => (Function: f, Trigger: f.GetProperty("bindings").EnumerateArray().First()))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(f => new HttpTriggerRoute(
                f.Function.GetProperty("name").GetString()!,
                f.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!),
                f.Trigger.GetProperty("route").GetString()!,
                EntryPointOf(app, f.Function.GetProperty("entryPoint").GetString()!)))
            .OrderByDescending(r => r.Template.Segments.Count(s => s.IsSimple && s.Parts[0].IsLiteral))
            .ToList();
    }

    private static MethodInfo EntryPointOf(Assembly app, string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = app.GetType(entryPoint[..dot], throwOnError: true)!;
        return type.GetMethod(entryPoint[(dot + 1)..]) ?? throw new InvalidOperationException($"No method {entryPoint}.");
    }
}
