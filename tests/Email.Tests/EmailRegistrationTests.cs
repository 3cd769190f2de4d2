using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email.Tests;

public sealed class EmailRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, string? environment = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (environment is not null)
        {
            services.AddSingleton<IHostEnvironment>(new Environment(environment));
        }
        // The workflow registers the people directory the dispatcher names staff from.
        services.AddSingleton<IPeopleDirectory>(new KnownPeople());
        return services.AddReferenceFlowEmail(configuration).BuildServiceProvider();
    }

    private static Dictionary<string, string?> WithKey(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["ReferenceFlow:Actions:SigningKeys:0"] = Samples.Key1 };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    [Fact]
    public void DevelopmentDefaultsToThePickupDirectory()
    {
        using var provider = Build(WithKey(), Environments.Development);

        Assert.IsType<PickupDirectorySender>(provider.GetRequiredService<IEmailSender>());
        Assert.NotNull(provider.GetRequiredService<EmailDispatcher>());
    }

    [Fact]
    public void SmtpModeChoosesTheSmtpSenderWithItsSettings()
    {
        using var provider = Build(WithKey(("ReferenceFlow:Email:Mode", "Smtp"), ("ReferenceFlow:Email:Smtp:Host", "smtp.azurecomm.net"),
            ("ReferenceFlow:Email:Smtp:Security", "StartTls")), Environments.Production);

        Assert.IsType<SmtpEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(587, provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Port);
    }

    [Fact]
    public void OutsideDevelopmentAnUnsetModeIsAClearError()
    {
        using var provider = Build(WithKey(), Environments.Production);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IEmailSender>());
        Assert.Contains("ReferenceFlow:Email:Mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutASigningKeyTokensCannotBeMinted()
    {
        using var provider = Build([], Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ActionOptions>>().Value);
        Assert.Contains("ReferenceFlow:Actions:SigningKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RotatedKeysBindInOrder()
    {
        using var provider = Build(WithKey(("ReferenceFlow:Actions:SigningKeys:0", Samples.Key2), ("ReferenceFlow:Actions:SigningKeys:1", Samples.Key1)));

        Assert.Equal([Samples.Key2, Samples.Key1], provider.GetRequiredService<IOptions<ActionOptions>>().Value.SigningKeys);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ReferenceFlow.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
