using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email.Tests.Sending;

public sealed class SmtpFailureTests(MailDevFixture fixture) : IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task ATransientRefusalIsRetriedAndTheMessageArrives()
    {
        await using var flaky = ScriptedSmtpServer.Flaky(refusals: 2, relayPort: fixture.MailDev.SmtpPort);
        var options = Samples.EmailOptions(smtpPort: flaky.Port);
        var subject = $"Retried {Guid.NewGuid():N}";
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval(subject) with { Action = null }, "effect-retry");

        await Samples.Smtp(options).SendAsync(message, CancellationToken.None);

        Assert.NotEmpty(await fixture.MailDev.WaitForRawAsync(subject));
        Assert.Equal(3, flaky.Connections);
    }

    [Fact]
    public async Task TransientFailuresThatOutlastTheRetriesAreReportedAsTransient()
    {
        await using var flaky = ScriptedSmtpServer.Flaky(refusals: 10, relayPort: fixture.MailDev.SmtpPort);
        var options = Samples.EmailOptions(smtpPort: flaky.Port);
        options.Smtp.MaxAttempts = 3;
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval() with { Action = null }, "effect-gives-up");

        var error = await Assert.ThrowsAsync<TransientEmailException>(() => Samples.Smtp(options).SendAsync(message, CancellationToken.None));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, flaky.Connections);
    }

    [Fact]
    public async Task APermanentRejectionIsNotRetriedAndCarriesItsStatus()
    {
        await using var rejecting = ScriptedSmtpServer.Rejecting();
        var options = Samples.EmailOptions(smtpPort: rejecting.Port);
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval() with { Action = null }, "effect-rejected");

        var error = await Assert.ThrowsAsync<PermanentEmailException>(() => Samples.Smtp(options).SendAsync(message, CancellationToken.None));

        Assert.Equal(550, error.StatusCode);
        Assert.Equal(1, rejecting.Connections);
    }

    [Fact]
    public async Task NothingListeningIsTransient()
    {
        var options = Samples.EmailOptions(smtpPort: TestSupport.FreePort.Next());
        options.Smtp.MaxAttempts = 2;
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval() with { Action = null }, "effect-nobody");

        await Assert.ThrowsAsync<TransientEmailException>(() => Samples.Smtp(options).SendAsync(message, CancellationToken.None));
    }
}
