using System.Net.Sockets;
using Azure;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Storage.Tests.Faults;

public sealed class StorageFaultsTests
{
    public static TheoryData<Exception> Outages() =>
    [
        new RequestFailedException(503, "Server busy"),
        new RequestFailedException(500, "Internal"),
        new RequestFailedException(0, "No response", new AggregateException(new HttpRequestException("refused", new SocketException(111)))),
        new HttpRequestException("Connection refused", new SocketException(111)),
        new TaskCanceledException("timed out", new TimeoutException()),
        new InvalidOperationException("wrapped", new SocketException(111)),
    ];

    public static TheoryData<Exception> NotOutages() =>
    [
        new RequestFailedException(404, "Not found"),
        new RequestFailedException(412, "Condition not met"),
        new RequestFailedException(400, "Bad request"),
        new DomainException("Not allowed now."),
        new InvalidOperationException("A bug"),
        new OperationCanceledException(),
    ];

    [Theory]
    [MemberData(nameof(Outages))]
    public void ConnectionFailuresTimeoutsAndServerErrorsAreOutages(Exception exception) =>
        Assert.True(StorageFaults.IsOutage(exception));

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void ClientErrorsDomainErrorsAndBugsAreNotOutages(Exception exception) =>
        Assert.False(StorageFaults.IsOutage(exception));
}
