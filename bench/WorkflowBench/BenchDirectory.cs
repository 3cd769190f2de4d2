using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// The run's reference directory, stored before any leg: three accounts (one contact each) for every request the run
/// submits. A submission reserves its first contact, which must be in the directory and held by no other request
/// (decision 019), so each request is ranked over accounts of its own: every leg then measures asking an owner, not
/// a candidate check that a clash would add.
/// </summary>
internal sealed class BenchDirectory
{
    private const int PerRequest = 3;
    private readonly List<ReferenceAccount> _accounts;
    private int _handedOut;

    private BenchDirectory(List<ReferenceAccount> accounts) => _accounts = accounts;

    public int Accounts => _accounts.Count;

    public static async Task<BenchDirectory> StoreAsync(IReferenceDirectory directory, int requests)
    {
        var accounts = Enumerable.Range(0, requests * PerRequest)
            .Select(i => Sample.Account($"acc{i:D5}", employees: 8000 + (i % PerRequest * 250))).ToList();
        await directory.UpsertManyAsync(accounts);
        return new BenchDirectory(accounts);
    }

    /// <summary>A real submission: the sample intake and its three candidates, ranked by the matcher over the next unused accounts.</summary>
    public SubmitRequest Submission(WorkflowPolicy policy)
    {
        var first = (Interlocked.Increment(ref _handedOut) - 1) * PerRequest;
        if (first + PerRequest > _accounts.Count) throw new InvalidOperationException($"The bench stored accounts for {_accounts.Count / PerRequest} requests only.");
        var now = DateTimeOffset.UtcNow;
        var intake = Sample.Intake(neededBy: DateOnly.FromDateTime(now.UtcDateTime.AddDays(30)), closeDate: DateOnly.FromDateTime(now.UtcDateTime.AddDays(60)));
        var ranked = Matcher.Rank(intake, _accounts.GetRange(first, PerRequest), [], new HashSet<ContactKey>(), now, policy, PerRequest);
        return new SubmitRequest(Guid.NewGuid().ToString("N"), intake, Rep, Pm, ranked, now);
    }

    private const string Rep = "rep@demo.local";
    private const string Pm = "pm@demo.local";
}
