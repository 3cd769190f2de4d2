using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Email.Tests.Sending;

/// <summary>One maildev per test class; tests tell their messages apart by a unique subject.</summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    public MailDevInstance MailDev { get; } = new();

    public Task InitializeAsync() => MailDev.StartAsync();

    public Task DisposeAsync() => MailDev.DisposeAsync().AsTask();
}
