using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using ReferenceFlow.Api.References;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Api.Tests.References;

/// <summary>
/// The owner's "from now on" is set after their approval is recorded (decision 051): when the directory cannot be written,
/// the approval's page must still confirm the approval, so setting the rule answers "not set" instead of failing.
/// </summary>
public sealed class FromNowOnTests
{
    private static readonly ReferenceAccount Contoso = new("contoso", "Contoso Health", "Healthcare", 12000, 2_500_000_000, "FR",
        ["Analytics Cloud"], ["claims analytics"], [], "jane@vendor.example", AccountStatus.Active,
        [new ReferenceContact("ingrid", "Ingrid Berg", "ingrid@contoso.example", "VP Data", Seniority.VP, Persona.Business, "Europe/Paris",
            ["en"], [Activity.Call], ["migration"])]);

    [Fact]
    public async Task TheRuleIsSetForTheContactAndNamesThem()
    {
        var directory = new OneAccount(Contoso);

        var named = await new StandingApprovals(directory, TimeProvider.System, NullLogger<StandingApprovals>.Instance)
            .TrySetFromNowOnAsync("contoso", "ingrid", "Jane@Vendor.example", CancellationToken.None);

        Assert.Equal("Ingrid Berg", named);
        Assert.Equal(["ingrid"], directory.Account.StandingApproval!.ContactIds);
    }

    [Fact]
    public async Task ADirectoryThatCannotBeWrittenLeavesTheRuleUnsetWithoutThrowing()
    {
        var directory = new OneAccount(Contoso) { Refuse = new RequestFailedException(503, "The server is busy.") };

        var named = await new StandingApprovals(directory, TimeProvider.System, NullLogger<StandingApprovals>.Instance)
            .TrySetFromNowOnAsync("contoso", "ingrid", "jane@vendor.example", CancellationToken.None);

        Assert.Null(named);
        Assert.Null(directory.Account.StandingApproval);
    }

    [Fact]
    public async Task SomeoneOtherThanTheOwnerIsNeitherOfferedItNorSetsIt()
    {
        var directory = new OneAccount(Contoso);
        var standing = new StandingApprovals(directory, TimeProvider.System, NullLogger<StandingApprovals>.Instance);

        Assert.Equal("Ingrid Berg", await standing.FromNowOnOfferAsync("contoso", "ingrid", "jane@vendor.example", CancellationToken.None));
        Assert.Null(await standing.FromNowOnOfferAsync("contoso", "ingrid", "pm@vendor.example", CancellationToken.None));
        Assert.Null(await standing.TrySetFromNowOnAsync("contoso", "ingrid", "pm@vendor.example", CancellationToken.None));
        Assert.Null(directory.Account.StandingApproval);
    }

    /// <summary>A directory of one account; only reading and writing it are used here.</summary>
    private sealed class OneAccount(ReferenceAccount account) : IReferenceDirectory
    {
        public ReferenceAccount Account { get; private set; } = account;

        public Exception? Refuse { get; init; }

        public Task<ReferenceAccount?> GetAsync(string referenceId, CancellationToken cancellationToken = default) =>
            Task.FromResult(referenceId == Account.ReferenceId ? Account : null);

        public Task<bool> UpsertAsync(ReferenceAccount account, CancellationToken cancellationToken = default)
        {
            if (Refuse is not null) throw Refuse;
            Account = account;
            return Task.FromResult(false);
        }

        public Task<IReadOnlyList<ReferenceAccount>> RangeAsync(string firstId, string lastId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ReferenceAccount>> ListAsync(ReferenceFilter filter, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<DirectoryPage> PageAsync(ReferenceFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<DirectorySnapshot> SnapshotAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UpsertManyAsync(IReadOnlyList<ReferenceAccount> accounts, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
