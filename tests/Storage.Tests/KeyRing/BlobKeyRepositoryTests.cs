using System.Xml.Linq;
using Azure.Storage.Blobs;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.KeyRing;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.KeyRing;

/// <summary>The key ring's blob container on the shared Azurite, one fresh container per test.</summary>
public sealed class BlobKeyRepositoryTests : IAsyncLifetime
{
    private readonly BlobContainerClient _container = StorageClients
        .Blobs(new StorageOptions { ConnectionString = AzuriteInstance.SharedConnectionString, MaxRetries = 1 })
        .GetBlobContainerClient("keyring-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public void AnEmptyRingHasNoElements() => Assert.Empty(new BlobKeyRepository(_container).GetAllElements());

    [Fact]
    public void WhatOneReplicaStoresAnotherReads()
    {
        new BlobKeyRepository(_container).StoreElement(Key("a"), "key-a");

        var read = Assert.Single(new BlobKeyRepository(_container).GetAllElements());
        Assert.Equal("a", read.Attribute("id")?.Value);
    }

    [Fact]
    public async Task TwoReplicasWritingAtOnceKeepEveryKey()
    {
        var first = new BlobKeyRepository(_container);
        var second = new BlobKeyRepository(_container);
        first.GetAllElements();
        second.GetAllElements();

        var ids = Enumerable.Range(0, 40).Select(i => $"{i:D2}").ToList();
        await Task.WhenAll(ids.Select(id => Task.Run(() =>
            (int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? first : second).StoreElement(Key(id), "key-" + id))));

        var read = new BlobKeyRepository(_container).GetAllElements().Select(e => e.Attribute("id")!.Value).Order();
        Assert.Equal(ids, read);
    }

    [Fact]
    public async Task TwoElementsOfTheSameNameAreBothKept()
    {
        var first = new BlobKeyRepository(_container);
        var second = new BlobKeyRepository(_container);

        await Task.WhenAll(
            Task.Run(() => first.StoreElement(Key("one"), "revocation-20261206T153000Z")),
            Task.Run(() => second.StoreElement(Key("two"), "revocation-20261206T153000Z")));

        var read = new BlobKeyRepository(_container).GetAllElements().Select(e => e.Attribute("id")!.Value).Order();
        Assert.Equal(["one", "two"], read);
    }

    private static XElement Key(string id) => new("key", new XAttribute("id", id), new XElement("secret", Guid.NewGuid()));
}
