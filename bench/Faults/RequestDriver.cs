using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Bench.Faults;

/// <summary>What became of one scripted request, for the invariants.</summary>
internal sealed class DrivenRequest(RequestScript script)
{
    public RequestScript Script { get; } = script;

    public string? Id { get; set; }

    public string? State { get; set; }

    /// <summary>
    /// Each thing the product accepted, by what it was (the submission, a link, a command by path), with the history event
    /// it must have left (any one of them). The same command accepted again (an outcome repeated) must leave it once.
    /// </summary>
    public Dictionary<string, string[]> Accepted { get; } = [];

    public List<string> UsedTokens { get; } = [];

    /// <summary>Every command and link answer with when and how it was answered, to set beside the faults when one is lost.</summary>
    public List<string> Trail { get; } = [];

    public List<string> Problems { get; } = [];

    public bool Ended => State is not null && RequestDriver.EndStates.Contains(State);
}

/// <summary>
/// Plays one request's script against the product: reads the request as its rep does, and does whatever its state
/// asks of the people around it — the owner's and the reference's answers through the links in their email, the
/// debrief and the outcome through the API — until it ends or the run's deadline passes.
/// </summary>
internal sealed class RequestDriver(Product product, MailLog mail)
{
    public static readonly HashSet<string> EndStates = ["Closed", "Deferred", "Unfulfilled", "Cancelled"];

    public async Task DriveAsync(DrivenRequest driven, DateTimeOffset deadline)
    {
        var script = driven.Script;
        driven.Id = await SubmitAsync(driven);
        if (driven.Id is null) return;
        var ownerAnswers = 0;
        var referenceAnswers = 0;
        // A command answered 202 is applied a moment later: not sent again while the request shows the same state,
        // unless that lasts so long that the command must have been lost (then the history check says so).
        (string? State, DateTimeOffset At) sent = (null, default);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var view = await product.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/requests/{driven.Id}"), Keys.Rep);
            if (view.Status != HttpStatusCode.OK)
            {
                driven.Problems.Add($"GET answered {(int)view.Status}");
                await Task.Delay(1000);
                continue;
            }
            var request = JsonNode.Parse(view.Body)!.AsObject();
            driven.State = (string?)request["state"];
            CheckNoContactDetailsBeforeApproval(driven, request, view.Body);
            if (driven.Ended) return;
            if (sent.State == driven.State && DateTimeOffset.UtcNow - sent.At < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(1000);
                continue;
            }
            // Link answers need no such care: each link is answered once (UsedTokens).
            var byCommand = driven.State is "Introduced" or "AwaitingDebrief" or "Completed" || (driven.State == "AwaitingOwnerApproval" && script.Cancels);
            sent = byCommand ? (driven.State, DateTimeOffset.UtcNow) : (null, default);
            switch (driven.State)
            {
                case "AwaitingOwnerApproval" when script.Cancels:
                    await CommandAsync(driven, $"api/requests/{driven.Id}/cancel", new JsonObject { ["reason"] = "The prospect went quiet." }, Keys.Rep, "RequestCancelled");
                    break;
                case "AwaitingOwnerApproval":
                    if (await AnswerLinkAsync(driven, "OwnerApproval", script.OwnerDeclinesFirst && ownerAnswers == 0 ? "decline" : "approve", "OwnerApproved", "OwnerDeclined"))
                    {
                        ownerAnswers++;
                    }
                    break;
                case "AwaitingReferenceConsent":
                    if (await AnswerLinkAsync(driven, "ReferenceConsent", script.ReferenceDeclinesFirst && referenceAnswers == 0 ? "decline" : "accept", "ReferenceAccepted", "ReferenceDeclined"))
                    {
                        referenceAnswers++;
                    }
                    break;
                case "Introduced" or "AwaitingDebrief":
                    await CommandAsync(driven, $"api/requests/{driven.Id}/debrief", new JsonObject
                    {
                        ["happened"] = true, ["metNeeds"] = true, ["concerns"] = "Onboarding time", ["landmines"] = "Export limits", ["notes"] = "Good call.",
                    }, Keys.Rep, "DebriefSubmitted");
                    break;
                case "Completed":
                    await CommandAsync(driven, $"api/opportunities/{script.CrmId}/outcome", new JsonObject { ["outcome"] = script.Won ? "Won" : "Lost" },
                        Keys.Crm, "OutcomeRecorded", "OutcomeReceived");
                    break;
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>Late clicks, after the request ended: every link used before must be refused now and change nothing.</summary>
    public async Task ClickLateAsync(DrivenRequest driven)
    {
        foreach (var token in driven.UsedTokens.Distinct())
        {
            var late = await product.SendAsync(() => Post($"actions/{token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" })));
            if (late.IsSuccess) driven.Problems.Add($"a used link acted again when clicked late ({(int)late.Status})");
        }
    }

    private async Task<string?> SubmitAsync(DrivenRequest driven)
    {
        var intake = Samples.Intake(driven.Script.CrmId);
        if (!driven.Script.Ready) intake["qualification"]!["finalist"] = false;
        var answer = await product.SendAsync(() =>
        {
            var post = Post("api/requests", JsonContent.Create(intake));
            post.Headers.Add("Idempotency-Key", driven.Script.IdempotencyKey);
            return post;
        }, Keys.Rep, command: true);
        if (!answer.IsSuccess)
        {
            driven.Problems.Add($"submission answered {(int)answer.Status}: {answer.Body}");
            return null;
        }
        driven.Accepted["submit"] = ["RequestSubmitted"];
        return (string?)JsonNode.Parse(answer.Body)!["id"];
    }

    private async Task CommandAsync(DrivenRequest driven, string path, JsonObject body, string apiKey, params string[] leaves)
    {
        var answer = await product.SendAsync(() => Post(path, JsonContent.Create(body)), apiKey, command: true);
        driven.Trail.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {path} {(int)answer.Status}{(answer.Retried ? " after a retry" : "")}");
        if (answer.IsSuccess) driven.Accepted[path] = leaves;
        // 409 after a retry: the first attempt went through before the host died; the history check confirms it.
        else if (!(answer.Retried && answer.Status == HttpStatusCode.Conflict)) driven.Problems.Add($"{path} answered {(int)answer.Status}");
    }

    /// <summary>
    /// Answers the newest link of <paramref name="kind"/> not answered yet, once its email arrived: opened first (HEAD,
    /// GET) as a scanner would, then posted <see cref="RequestScript.Clicks"/> times at once.
    /// </summary>
    private async Task<bool> AnswerLinkAsync(DrivenRequest driven, string kind, string decision, params string[] leaves)
    {
        var token = mail.For(driven.Id!).Where(m => m.Kind == kind && m.ActionToken is not null).Select(m => m.ActionToken!)
            .LastOrDefault(t => !driven.UsedTokens.Contains(t));
        if (token is null) return false; // the email has not arrived yet
        await product.SendAsync(() => new HttpRequestMessage(HttpMethod.Head, $"actions/{token}"));
        await product.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"actions/{token}"));
        var answers = await Task.WhenAll(Enumerable.Range(0, driven.Script.Clicks).Select(_ => product.SendAsync(
            () => Post($"actions/{token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["reason"] = "Scripted answer" })),
            command: true)));
        driven.UsedTokens.Add(token);
        driven.Trail.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {kind} {decision}: {string.Join(", ", answers.Select(a => $"{(int)a.Status}{(a.Retried ? " after a retry" : "")}"))}");
        // Repeats of the same answer are confirmed or refused as used; whether it acted once is the history's to show.
        if (answers.Any(a => a.IsSuccess || (a.Retried && a.Status == HttpStatusCode.Gone))) driven.Accepted[token] = leaves;
        else driven.Problems.Add($"no click on a {kind} link was accepted: {string.Join(", ", answers.Select(a => (int)a.Status))}");
        return true;
    }

    /// <summary>
    /// No contact details before the owner approved: until the history shows an approval, the rep's view of the request
    /// carries no reference email or phone number (the directory's addresses end in <c>.example</c>, its phones start +33).
    /// </summary>
    private static void CheckNoContactDetailsBeforeApproval(DrivenRequest driven, JsonObject request, string body)
    {
        var approved = request["history"]?.AsArray().Any(h => (string?)h!["type"] == "OwnerApproved") == true;
        if (!approved && (body.Contains("@ref", StringComparison.Ordinal) || body.Contains("+33 1 23", StringComparison.Ordinal)))
        {
            driven.Problems.Add($"contact details shown to the rep before approval (state {driven.State})");
        }
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };
}
