namespace ReferenceFlow.Workflow.Erasure;

/// <summary>The contact is the one an open request is asking or has introduced now: erasing them would pull the ground
/// from under it. The program manager cancels that request, or erases once it has ended.</summary>
public sealed class ContactBusyException(IReadOnlyList<string> requestIds)
    : Exception("The contact takes part in an open request now; cancel it or erase them once it ends.")
{
    public IReadOnlyList<string> RequestIds { get; } = requestIds;
}
