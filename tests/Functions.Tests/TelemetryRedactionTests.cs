using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Functions.Tests.Support;

namespace ReferenceFlow.Functions.Tests;

/// <summary>
/// A link's token stays out of the Functions app's telemetry: the host's request telemetry leaves out the URL, and the
/// worker's log scopes (ASP.NET Core's RequestPath, which the worker's loggers forward) are redacted where pushed.
/// </summary>
public sealed class TelemetryRedactionTests
{
    private const string Token = "SECRET-LINK-TOKEN-77c1";

    [Fact]
    public void TheHostsRequestTelemetryLeavesOutTheUrl()
    {
        using var host = FunctionsOutput.HostJson();
        var collection = host.RootElement.GetProperty("logging").GetProperty("applicationInsights").GetProperty("httpAutoCollectionOptions");
        Assert.False(collection.GetProperty("enableHttpTriggerExtendedInfoCollection").GetBoolean());
    }

    [Fact]
    public void TheWorkersLogScopesCarryNoLinkToken()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(FunctionsOutput.LocalSettingsExample()).Build();
        var services = new ServiceCollection();
        var captured = new ScopeCapture();
        services.AddLogging(l => l.AddProvider(captured));
        services.AddReferenceFlowFunctions(configuration);
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Link");

        // The shape of ASP.NET Core's hosting scope.
        using (logger.BeginScope(new List<KeyValuePair<string, object?>> { new("RequestId", "r1"), new("RequestPath", $"/actions/{Token}") }))
        {
            logger.LogWarning("link page shown");
        }

        var scope = Assert.Single(captured.Scopes);
        Assert.Contains("RequestPath:/actions/{token}", scope, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, scope, StringComparison.Ordinal);
    }

    /// <summary>A logger provider that writes down the scopes of each line, as the worker's channel to the host does.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider? _scopes;

        public List<string> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _scopes?.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}:{p.Value}"))
                : scope?.ToString() ?? ""), Scopes);

        public void Dispose() { }
    }
}
