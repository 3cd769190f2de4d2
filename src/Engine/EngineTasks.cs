using System.Reflection;
using Microsoft.DurableTask;

namespace ReferenceFlow.Engine;

/// <summary>The orchestrators and activities an engine's worker runs, by type; each is named by its [DurableTask] attribute.</summary>
public sealed class EngineTasks
{
    internal List<(string Name, Type Type)> Orchestrators { get; } = [];

    internal List<(string Name, Type Type)> Activities { get; } = [];

    /// <summary>An orchestrator: created anew for every episode, with no services (orchestrator code must be deterministic).</summary>
    public EngineTasks AddOrchestrator(Type type)
    {
        Require<ITaskOrchestrator>(type);
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"Orchestrator {type.Name} needs a parameterless constructor: orchestrators take no services.", nameof(type));
        }
        Orchestrators.Add((NameOf(type), type));
        return this;
    }

    /// <summary>An activity: created for every call, its constructor's services from the app's container.</summary>
    public EngineTasks AddActivity(Type type)
    {
        Require<ITaskActivity>(type);
        Activities.Add((NameOf(type), type));
        return this;
    }

    /// <summary>Several orchestrators and activities at once.</summary>
    public EngineTasks Add(IEnumerable<Type> orchestrators, IEnumerable<Type> activities)
    {
        ArgumentNullException.ThrowIfNull(orchestrators);
        ArgumentNullException.ThrowIfNull(activities);
        foreach (var type in orchestrators) AddOrchestrator(type);
        foreach (var type in activities) AddActivity(type);
        return this;
    }

    private static void Require<T>(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(T).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.Name} is not a concrete {typeof(T).Name}.", nameof(type));
        }
    }

    private static string NameOf(Type type) => type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name ?? type.Name;
}
