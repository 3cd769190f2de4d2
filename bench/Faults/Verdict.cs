using System.Net;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Bench.Faults;

/// <summary>
/// The invariants, checked once the product went quiet: every request ended; every command the product accepted
/// left its event in the history; the history has no gap; each email its history calls for reached the SMTP server,
/// and no message reached a recipient twice; no contact went over their cap; nothing answered 500. One repeat is told
/// apart and does not fail the run: a message sent again, with its Message-ID, because its host was killed between the
/// SMTP server's acceptance and the Sent mark (decision 022).
/// </summary>
internal sealed class Verdict
{
    /// <summary>The email each of these history events sends (one each), by kind.</summary>
    private static readonly Dictionary<string, string> EmailOf = new()
    {
        ["OwnerApprovalRequested"] = "OwnerApproval",
        ["ReferenceConsentRequested"] = "ReferenceConsent",
        ["SlotProposed"] = "Introduction",
        ["RequestDeferred"] = "Deferred",
        ["CallCompleted"] = "ThankYou",
    };

    public int Requests { get; private set; }

    public Dictionary<string, int> EndedAs { get; } = [];

    public List<string> Stuck { get; } = [];

    public int CommandsAccepted { get; private set; }

    public List<string> CommandsLost { get; } = [];

    public List<string> HistoryGaps { get; } = [];

    public int EmailsExpected { get; private set; }

    public int EmailsDelivered { get; private set; }

    public List<string> EmailsLost { get; } = [];

    public List<string> EmailsDuplicated { get; } = [];

    /// <summary>Messages that went out a second time only because their host was killed in the send window (decision 022).</summary>
    public List<string> EmailsResentAfterKill { get; } = [];

    public List<string> OverCap { get; } = [];

    /// <summary>Answers that acted more often than they were given: one click or command taking effect twice.</summary>
    public List<string> ActedTwice { get; } = [];

    /// <summary>Answers recorded without effect: clicks and commands that came again after one already acted.</summary>
    public int Repeats { get; private set; }

    public List<string> Problems { get; } = [];

    public bool Passed => Stuck.Count == 0 && CommandsLost.Count == 0 && HistoryGaps.Count == 0 && EmailsLost.Count == 0
        && EmailsDuplicated.Count == 0 && OverCap.Count == 0 && ActedTwice.Count == 0 && Problems.Count == 0;

    public static async Task<Verdict> CheckAsync(IReadOnlyList<DrivenRequest> driven, Product product, MailLog mail, IReadOnlyList<Fault> faults)
    {
        var verdict = new Verdict { Requests = driven.Count };
        foreach (var request in driven)
        {
            verdict.Problems.AddRange(request.Problems.Select(p => $"{request.Script.CrmId}: {p}"));
            if (request.Id is null) continue;
            var view = await product.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/requests/{request.Id}"), Keys.ProgramManager);
            if (view.Status != HttpStatusCode.OK)
            {
                verdict.Problems.Add($"{request.Script.CrmId}: GET answered {(int)view.Status} at the end");
                continue;
            }
            verdict.CheckRequest(request, JsonNode.Parse(view.Body)!.AsObject(), mail.For(request.Id));
        }
        verdict.CheckNoDuplicates(mail.All, Kills(faults));
        await verdict.CheckCapsAsync(product);
        return verdict;
    }

    private void CheckRequest(DrivenRequest request, JsonObject view, IReadOnlyList<Delivered> emails)
    {
        var name = $"{request.Script.CrmId} ({request.Id})";
        var state = (string)view["state"]!;
        EndedAs[state] = EndedAs.GetValueOrDefault(state) + 1;
        var history = view["history"]!.AsArray()
            .Select(h => (Version: (int)h!["version"]!, Type: (string)h["type"]!)).ToList();
        // The history's steps say where it stopped, for whoever reads a failed run.
        if (!RequestDriver.EndStates.Contains(state)) Stuck.Add($"{name} stayed {state} after {string.Join(", ", history.Select(h => h.Type))}");

        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Version != i + 1) HistoryGaps.Add($"{name}: entry {i + 1} is version {history[i].Version}");
        }
        // A command retried after a host died may arrive twice: the second is recorded without effect, and counted here.
        Repeats += history.Count(h => h.Type == "LateAnswerRecorded");

        CommandsAccepted += request.Accepted.Count;
        foreach (var group in request.Accepted.Values.GroupBy(leaves => string.Join('|', leaves)))
        {
            var left = history.Count(h => group.First().Contains(h.Type));
            if (left < group.Count())
            {
                CommandsLost.Add($"{name}: {group.Count()} accepted, {left} in the history ({group.Key}); answered: {string.Join("; ", request.Trail)}");
            }
            if (left > group.Count())
            {
                ActedTwice.Add($"{name}: {group.Count()} accepted, {left} in the history ({group.Key}); answered: {string.Join("; ", request.Trail)}");
            }
        }

        foreach (var (eventType, kind) in EmailOf)
        {
            var expected = history.Count(h => h.Type == eventType);
            var delivered = emails.Where(e => e.Kind == kind).Select(e => e.MessageId).Distinct().Count();
            EmailsExpected += expected;
            EmailsDelivered += Math.Min(expected, delivered);
            if (delivered < expected) EmailsLost.Add($"{name}: {kind} {delivered} of {expected}");
        }
    }

    private void CheckNoDuplicates(IReadOnlyCollection<Delivered> all, IReadOnlyList<DateTimeOffset> kills)
    {
        foreach (var twice in all.SelectMany(m => m.Recipients.Select(r => (m.MessageId, Recipient: r, m.Kind, m.RequestId, m.SeenAt)))
                     .GroupBy(x => (x.MessageId, x.Recipient)).Where(g => g.Count() > 1))
        {
            var copies = twice.OrderBy(c => c.SeenAt).ToList();
            var first = copies[0];
            var said = $"{first.Kind} of {first.RequestId} reached {first.Recipient} {copies.Count} times";
            if (copies.Count == 2 && ResentAfterKill(first.SeenAt, copies[1].SeenAt, kills))
            {
                EmailsResentAfterKill.Add($"{said}, {(copies[1].SeenAt - first.SeenAt).TotalSeconds:0} s apart");
            }
            else
            {
                // When each copy came, to set beside the faults listed after it.
                EmailsDuplicated.Add($"{said}, at {string.Join(", ", copies.Select(c => c.SeenAt.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}");
            }
        }
    }

    /// <summary>
    /// The one repeat the product allows: a host killed within moments of the server accepting a message, before its Sent
    /// mark, leaves its claim to lapse, and the next run sends it again. So a kill came just after the first copy (which the
    /// mail log sees up to a poll late), and the second came about a claim's lease later, not alongside it, which is what
    /// two runs sending at once would look like.
    /// </summary>
    internal static bool ResentAfterKill(DateTimeOffset first, DateTimeOffset second, IReadOnlyList<DateTimeOffset> kills) =>
        second - first >= Rig.EmailClaimLease / 2
        && kills.Any(kill => kill >= first - MailLogLag && kill <= first + SendWindow && kill < second);

    /// <summary>
    /// The moments a host that may have been sending was killed: the main host as its fault begins, the second host as its
    /// fault ends (it is started, works for a while, then killed). Either leaves an email it was sending to go again.
    /// </summary>
    internal static List<DateTimeOffset> Kills(IEnumerable<Fault> faults) =>
    [
        .. faults.Select(f => f.Kind.StartsWith("kill -9", StringComparison.Ordinal) ? f.Began
            : f.Kind.StartsWith("a second host", StringComparison.Ordinal) ? f.Ended
            : (DateTimeOffset?)null).OfType<DateTimeOffset>(),
    ];

    /// <summary>How late the mail log may see a message: one poll and the download.</summary>
    private static readonly TimeSpan MailLogLag = TimeSpan.FromSeconds(3);

    /// <summary>How long the Sent mark may take after the server accepted: one storage write on a busy Azurite.</summary>
    private static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(10);

    private async Task CheckCapsAsync(Product product)
    {
        string? next = "api/program/fatigue?pageSize=500";
        while (next is not null)
        {
            var page = next;
            var answer = await product.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, page), Keys.ProgramManager);
            if (answer.Status != HttpStatusCode.OK)
            {
                Problems.Add($"fatigue answered {(int)answer.Status}");
                return;
            }
            foreach (var row in JsonNode.Parse(answer.Body)!.AsArray())
            {
                if ((int)row!["usesThisQuarter"]! > (int)row["cap"]!)
                {
                    OverCap.Add($"{row["referenceId"]}/{row["contactId"]}: {row["usesThisQuarter"]} uses, cap {row["cap"]}");
                }
            }
            next = answer.Next;
        }
    }
}
