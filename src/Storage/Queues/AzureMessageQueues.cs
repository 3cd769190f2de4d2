using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Queues;

public sealed class AzureMessageQueues(StorageLayout layout) : IMessageQueues
{
    public IMessageQueue Get(string name) => new AzureMessageQueue(layout, name);
}
