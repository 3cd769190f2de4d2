using ReferenceFlow.TestSupport;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email.Tests.Sending;

public sealed class SmtpFailureTests(MailDevFixture fixture) : IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task ATransientRefusalIsReportedAsTransientAfterOneAttemptAndTheNextSendArrives()
    {
        await using var flaky = ScriptedSmtpServer.Flaky(refusals: 1, relayPort: fixture.MailDev.SmtpPort);
        var options = Samples.EmailOptions(smtpPort: flaky.Port);
        var subject = $"Retried {Guid.NewGuid():N}";
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval(subject) with { Action = null }, "effect-retry");

        // One attempt: the caller's retry layer (the workflow's activity retries) owns the back-off.
        await Assert.ThrowsAsync<TransientEmailException>(() => Samples.Smtp(options).SendAsync(message, CancellationToken.None));
        Assert.Equal(1, flaky.Connections);

        await Samples.Smtp(options).SendAsync(message, CancellationToken.None);
        Assert.NotEmpty(await fixture.MailDev.WaitForRawAsync(subject));
        Assert.Equal(2, flaky.Connections);
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
    public async Task ARejectionKeepsItsStatusInTheRefusalAndLogsTheServersWordsWithoutTheAddress()
    {
        await using var rejecting = ScriptedSmtpServer.Rejecting();
        var options = Samples.EmailOptions(smtpPort: rejecting.Port);
        var logger = new RecordingLogger<SmtpEmailSender>();
        var sender = new SmtpEmailSender(Microsoft.Extensions.Options.Options.Create(options), logger);
        var message = Samples.Renderer(options).Render(Samples.OwnerApproval() with { Action = null }, "effect-rejected-words");

        var error = await Assert.ThrowsAsync<PermanentEmailException>(() => sender.SendAsync(message, CancellationToken.None));

        // The refusal is what a request's history records: status only, no server text and no address.
        Assert.Equal(MailServerText.Refusal(550), error.Message);
        Assert.Null(error.InnerException);
        var entry = Assert.Single(logger.Entries, e => e.Contains("refused", StringComparison.Ordinal));
        Assert.Contains("Sender not allowed to reach " + MailServerText.AddressPlaceholder, entry, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptedSmtpServer.RejectedAddress, string.Join('\n', logger.Entries), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListeningIsTransient()
    {
        var options = Samples.EmailOptions(smtpPort: TestSupport.FreePort.Next());
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
        var sender = new SmtpEmailSender(Microsoft.Extensions.Options.Options.Create(options),
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
