using ReferenceFlow.Domain.Matching;

namespace ReferenceFlow.Domain.Tests;

public sealed class DomainPurityTests
{
    [Fact]
    public void DomainReferencesOnlyTheBaseLibrary()
    {
        var references = typeof(Matcher).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name == "System", $"{name} is not part of the base library"));
    }
}
