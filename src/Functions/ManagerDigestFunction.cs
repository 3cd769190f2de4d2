using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Digest;

namespace ReferenceFlow.Functions;

/// <summary>Every quarter of an hour, whether the program manager's digest is due today, as the Web host's job looks (once per day, whichever sends it).</summary>
public sealed class ManagerDigestFunction(ManagerDigestRun run)
{
    [Function("SendManagerDigest")]
    public Task<DigestRunResult> RunAsync([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        run.RunOnceAsync(cancellationToken);
}
