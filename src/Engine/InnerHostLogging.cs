using Microsoft.Extensions.Logging;

namespace ReferenceFlow.Engine;

/// <summary>
/// The engine's inner host logs through the app's loggers, minus what only describes the inner host
/// itself (its start-up lines, and Kestrel noting it ignores the app's URLs).
/// </summary>
internal sealed class InnerHostLogging(ILoggerFactory app) : ILoggerProvider
{
    public static ILoggerFactory Create(ILoggerFactory app) => LoggerFactory.Create(b => b
        .AddProvider(new InnerHostLogging(app))
        .SetMinimumLevel(LogLevel.Trace)
        .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None)
        .AddFilter("Microsoft.AspNetCore", LogLevel.Error));

    public ILogger CreateLogger(string categoryName) => app.CreateLogger(categoryName);

    public void Dispose()
    {
        // The app owns its logger factory.
    }
}
