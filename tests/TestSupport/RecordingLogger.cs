using Microsoft.Extensions.Logging;

namespace ReferenceFlow.TestSupport;

/// <summary>Keeps every log entry whole (message, structured values, exception), to check what would reach the logs.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public List<string> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        Entries.Add($"{logLevel} {formatter(state, exception)} {string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"))} {exception}");
    }
}
