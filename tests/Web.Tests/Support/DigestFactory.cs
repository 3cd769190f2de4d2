using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Web.Workflow;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>
/// The Web host sending mail to a private maildev (a real SMTP server), with the digest due from midnight, so any hour of a
/// test run is past it. The tests run the digest themselves: the host's own quarter-hourly job is left out.
/// </summary>
public sealed class DigestFactory : ReferenceFlowFactory, IAsyncLifetime
{
    public DigestFactory() : this(new MailDevInstance())
    {
    }

    private DigestFactory(MailDevInstance mail) : base(new Dictionary<string, string?>
    {
        ["ReferenceFlow:Email:Mode"] = "Smtp",
        ["ReferenceFlow:Email:Smtp:Host"] = "127.0.0.1",
        ["ReferenceFlow:Email:Smtp:Port"] = $"{mail.SmtpPort}",
        ["ReferenceFlow:Email:Smtp:Security"] = "None",
        ["ReferenceFlow:Digest:Enabled"] = "true",
        ["ReferenceFlow:Digest:SendHour"] = "0",
    }) => MailDev = mail;

    public MailDevInstance MailDev { get; }

    public Task InitializeAsync() => MailDev.StartAsync();

    Task IAsyncLifetime.DisposeAsync() => MailDev.DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var job = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(ManagerDigestJob));
            services.Remove(job);
        });
    }
}
