namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>One compilation shared by every class that inspects the compiled templates.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplatesCollection : ICollectionFixture<CompiledTemplates>
{
    public const string Name = "Compiled Bicep templates";
}
