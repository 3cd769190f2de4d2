using DurableTask.Core;

namespace ReferenceFlow.Engine;

/// <summary>Hands DTFx a fresh instance per use (DTFx's own creators hold one instance or need a parameterless type).</summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
