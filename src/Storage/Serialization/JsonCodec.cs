using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ReferenceFlow.Storage.Serialization;

/// <summary>
/// System.Text.Json over closed record hierarchies without attributes: every abstract type gets
/// its concrete subtypes from the scanned assemblies, with the record name as discriminator.
/// </summary>
public sealed class JsonCodec
{
    private readonly JsonSerializerOptions _options;

    public JsonCodec(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var concrete = assemblies.Distinct()
            .SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false })
            .ToArray();
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info => AddDerivedTypes(info, concrete));
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = resolver,
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new JsonStringEnumConverter() },
        };
    }

    /// <summary>The serializer settings, for hosts that serialize the same records (the workflow engine's data converter).</summary>
    public JsonSerializerOptions Options => _options;

    public static JsonCodec For(params Type[] types) =>
        new(types.Select(t => t.Assembly).Append(typeof(Domain.Workflow.Effect).Assembly).Append(typeof(JsonCodec).Assembly));

    public string Serialize<T>(T value) => JsonSerializer.Serialize(value, _options);

    public T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, _options)
        ?? throw new JsonException($"'null' is not a valid {typeof(T).Name}.");

    private static void AddDerivedTypes(JsonTypeInfo info, Type[] concrete)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !info.Type.IsAbstract || info.PolymorphismOptions is not null)
        {
            return;
        }
        var derived = concrete.Where(info.Type.IsAssignableFrom).ToArray();
        if (derived.Length == 0)
        {
            return;
        }
        var clash = derived.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Types {string.Join(", ", clash.Select(t => t.FullName))} share the name '{clash.Key}' under {info.Type.Name}; record names must be unique per hierarchy.");
        }
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var type in derived)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
