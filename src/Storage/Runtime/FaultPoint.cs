namespace ReferenceFlow.Storage.Runtime;

/// <summary>The boundaries where a crash would leave work half done; tests inject faults there.</summary>
public enum FaultPoint
{
    AfterCommitBeforeDispatch,
    AfterEnqueueBeforeOutboxRemoved,
    AfterEffectBeforeCompletion,
    DuringTimerReenqueue,
}
