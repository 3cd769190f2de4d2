namespace ReferenceFlow.Storage.Runtime;

/// <summary>What <c>ExecuteAsync</c> did with one command.</summary>
public abstract record CommandOutcome<TState>;

/// <summary>The command was decided and its events (possibly none) committed at <paramref name="Version"/>.</summary>
public sealed record Applied<TState>(long Version, TState State, IReadOnlyList<object> Events) : CommandOutcome<TState>;

/// <summary>The message id was already applied: no second transition.</summary>
public sealed record Duplicate<TState>(long Version, TState State) : CommandOutcome<TState>;

/// <summary>The command had to find an existing stream and there was none.</summary>
public sealed record NotFound<TState> : CommandOutcome<TState>;
