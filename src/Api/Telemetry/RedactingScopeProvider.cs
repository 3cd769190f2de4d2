namespace ReferenceFlow.Api.Telemetry;

/// <summary>
/// The logger factory's scope store, with link tokens and Graph mailboxes (<see cref="UrlSecrets"/>) taken out of every scope as it is pushed. ASP.NET Core's hosting
/// scope carries <c>RequestPath</c> on every log line of a request, and log exporters write scopes out as attributes.
/// Registered as the <see cref="IExternalScopeProvider"/> the <see cref="LoggerFactory"/> takes, so every logger provider
/// (OpenTelemetry, the console, the Functions host's channel) sees the redacted scope.
/// </summary>
public sealed class RedactingScopeProvider : IExternalScopeProvider
{
    private readonly LoggerExternalScopeProvider _scopes = new();

    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) => _scopes.ForEachScope(callback, state);

    public IDisposable Push(object? state) => _scopes.Push(Redact(state));

    private static object? Redact(object? state) => state switch
    {
        string text when UrlSecrets.Contains(text) => UrlSecrets.Redact(text),
        IReadOnlyList<KeyValuePair<string, object?>> pairs when pairs.Any(p => p.Value is string s && UrlSecrets.Contains(s)) => new RedactedScope(pairs),
        _ => state,
    };

    /// <summary>A copy of a structured scope with redacted values; written as "Key:Value Key:Value" like the hosting scope.</summary>
    private sealed class RedactedScope(IReadOnlyList<KeyValuePair<string, object?>> pairs) : List<KeyValuePair<string, object?>>(
        pairs.Select(p => p.Value is string s ? new KeyValuePair<string, object?>(p.Key, UrlSecrets.Redact(s)) : p))
    {
        public override string ToString() => string.Join(' ', this.Select(p => $"{p.Key}:{p.Value}"));
    }
}
