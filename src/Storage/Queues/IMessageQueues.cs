namespace ReferenceFlow.Storage.Queues;

/// <summary>Gives the runtime its queues by name.</summary>
public interface IMessageQueues
{
    /// <summary>The queue called <paramref name="name"/> (created by the storage layout).</summary>
    IMessageQueue Get(string name);
}
