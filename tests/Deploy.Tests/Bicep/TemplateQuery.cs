using System.Text.Json.Nodes;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>Small lookups in compiled templates shared by the design tests.</summary>
internal static class TemplateQuery
{
    /// <summary>The module deployment of that name in main.json.</summary>
    public static JsonObject Deployment(JsonNode main, string name) =>
        Assert.Single(BicepBuildTests.Resources(main, "Microsoft.Resources/deployments"), d => Text(d["name"]) == name);

    /// <summary>The value a module deployment passes for one of the module's parameters.</summary>
    public static JsonNode Passed(JsonNode deployment, string parameter) =>
        deployment["properties"]!["parameters"]![parameter]?["value"]
        ?? throw new Xunit.Sdk.XunitException($"{Text(deployment["name"])} is not passed {parameter}");

    public static JsonObject Single(JsonNode template, string type) =>
        Assert.Single(BicepBuildTests.Resources(template, type));

    public static string Text(JsonNode? node) =>
        node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("expected a string, found nothing");

    /// <summary>An element of a template (string, number, object) as the ARM expression that produces it.</summary>
    public static string AsExpression(JsonNode value) =>
        value is JsonValue v && v.TryGetValue(out string? text)
            ? text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : $"'{text}'"
            : throw new Xunit.Sdk.XunitException($"not a string value: {value.ToJsonString()}");
}
