using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Email.Rendering;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers rendering, action tokens, the sender chosen by <c>ReferenceFlow:Email:Mode</c> and
    /// <see cref="EmailDispatcher"/>. Missing signing keys or SMTP host fail at start-up, not at the first email.
    /// </summary>
    public static IServiceCollection AddReferenceFlowEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ActionOptions>().Bind(configuration.GetSection(ActionOptions.Section))
            .Validate(o => o.SigningKeys.Count > 0 && o.SigningKeys.All(k => k.Length >= ActionOptions.MinimumKeyLength),
                $"{ActionOptions.Section}:SigningKeys must hold at least one key of {ActionOptions.MinimumKeyLength}+ characters; " +
                "Development sets one in appsettings.Development.json.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmailRenderer>();
        services.TryAddSingleton<ActionTokenService>();
        services.TryAddSingleton<PickupDirectorySender>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => ChooseSender(sp));
        services.TryAddSingleton<EmailDispatcher>();
        return services;
    }

    private static IEmailSender ChooseSender(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var development = services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
        return options.Mode switch
        {
            EmailMode.Smtp => services.GetRequiredService<SmtpEmailSender>(),
            EmailMode.Pickup => services.GetRequiredService<PickupDirectorySender>(),
            null when development => services.GetRequiredService<PickupDirectorySender>(),
            _ => throw new InvalidOperationException(
                $"{EmailOptions.Section}:Mode is not set: choose Smtp (with {EmailOptions.Section}:Smtp:Host) or Pickup. " +
                "Only Development defaults to the pickup directory."),
        };
    }
}
