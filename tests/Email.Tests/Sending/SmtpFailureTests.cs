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

    [Fact]
    public async Task XOAuth2SendsTheProvidersTokenAndRefusedCredentialsArePermanent()
    {
        await using var server = ScriptedSmtpServer.RefusingCredentials();
        var options = Samples.EmailOptions(smtpPort: server.Port);
        options.Smtp.UserName = "referenceflow@contoso.example";
        options.Smtp.UseOAuth2 = true;
        var sender = new SmtpEmailSender(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpEmailSender>.Instance, new StaticToken("token-123"));
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval() with { Action = null }, "effect-oauth");

        var error = await Assert.ThrowsAsync<PermanentEmailException>(() => sender.SendAsync(message, CancellationToken.None));

        Assert.Equal(535, error.StatusCode);
        Assert.Equal("XOAUTH2 user=referenceflow@contoso.example\u0001auth=Bearer token-123\u0001\u0001", server.LastAuth);
        Assert.Equal(1, server.Connections);
    }

    private sealed class StaticToken(string token) : IOAuth2AccessTokenProvider
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }
}
