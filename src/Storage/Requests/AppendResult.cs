namespace ReferenceFlow.Storage.Requests;

/// <summary>How an append at an expected version ended.</summary>
public enum AppendResult
{
    /// <summary>The events are the history's next versions.</summary>
    Appended,

    /// <summary>The command's id is in the history already: it was decided before, and nothing was written.</summary>
    AlreadyApplied,

    /// <summary>Another decision took those versions first: load the history again and decide again.</summary>
    Conflict,
}
