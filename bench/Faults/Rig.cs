using System.Globalization;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Bench.Faults;

/// <summary>
/// The product as a deployment runs it, on this machine: a private Azurite, maildev behind a gate that can refuse or
/// answer 421, every reference's calendar feed, and two hosts of the app (the main one and a replica started now and
/// then) sharing one task hub. Each host's console goes to a log file beside the report.
/// </summary>
internal sealed class Rig : IAsyncDisposable
{
    private Rig(FaultPlan plan, string logs)
    {
        // A run starts from empty storage: a logs folder used before keeps the last run's requests, and the driver's
        // seeded submissions would find them already done (no email goes out again) and pass or fail for nothing.
        var storage = Path.Combine(logs, "azurite");
        if (Directory.Exists(storage)) Directory.Delete(storage, recursive: true);
        Storage = new AzuriteInstance(storage);
        Smtp = new TcpGate(Mail.SmtpPort);
        var environment = HostEnvironment(plan);
        Main = new AppProcess(environment.With("ReferenceFlow__Engine__WorkerId", "main"), BuildConfiguration)
        {
            LogFile = Path.Combine(logs, "host-main.log"),
        };
        Replica = new AppProcess(environment.With("ReferenceFlow__Engine__WorkerId", "replica"), BuildConfiguration)
        {
            LogFile = Path.Combine(logs, "host-replica.log"),
        };
    }

    /// <summary>
    /// How long a host's claim on an email lasts before another run takes it over: short, so that an email whose host was
    /// killed in the moment between the SMTP server's acceptance and the Sent mark goes out again within the run.
    /// </summary>
    public static readonly TimeSpan EmailClaimLease = TimeSpan.FromMinutes(1);

    /// <summary>Kept beside the logs: a failed run's histories and engine tables can be read afterwards.</summary>
    public AzuriteInstance Storage { get; }

    public MailDevInstance Mail { get; } = new();

    public TcpGate Smtp { get; }

    public CalendarFeed Calendar { get; } = new();

    public AppProcess Main { get; }

    public AppProcess Replica { get; }

    public IEnumerable<AppProcess> Live => new[] { Main, Replica }.Where(h => h.IsRunning);

    public static async Task<Rig> StartAsync(FaultPlan plan, string logs)
    {
        var rig = new Rig(plan, logs);
        await Task.WhenAll(rig.Storage.StartAsync(), rig.Mail.StartAsync());
        rig.Smtp.Open();
        await rig.Main.StartAsync();
        return rig;
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    /// <summary>Short policies so a request runs its course in seconds, and short engine leases so a killed host's work moves on soon.</summary>
    private Dictionary<string, string> HostEnvironment(FaultPlan plan)
    {
        var environment = new Dictionary<string, string>
        {
            ["ReferenceFlow__Storage__ConnectionString"] = Storage.ConnectionString,
            ["ReferenceFlow__Storage__TablePrefix"] = "fault",
            ["ReferenceFlow__Engine__TaskHub"] = "faulthub",
            ["ReferenceFlow__Engine__PartitionCount"] = "2",
            ["ReferenceFlow__Engine__MaxQueuePollingInterval"] = "00:00:00.500",
            ["ReferenceFlow__Engine__ControlQueueVisibilityTimeout"] = "00:00:10",
            ["ReferenceFlow__Engine__WorkItemQueueVisibilityTimeout"] = "00:00:10",
            ["ReferenceFlow__Email__Mode"] = "Smtp",
            ["ReferenceFlow__Email__Smtp__Host"] = "127.0.0.1",
            ["ReferenceFlow__Email__Smtp__Port"] = $"{Smtp.Port}",
            ["ReferenceFlow__Email__Smtp__Security"] = "None",
            ["ReferenceFlow__Calendar__Provider"] = "Ics",
            ["ReferenceFlow__Seed__DemoData"] = "false",
            // Every owner and reference of the run clicks their links from this one address, hundreds of people where
            // the default allows a few behind one NAT. The flood's guessed keys meet the failed sign-ins' limit (429s in the table).
            ["ReferenceFlow__RateLimits__LinkPages__Burst"] = "200",
            ["ReferenceFlow__RateLimits__LinkPages__PerSecond"] = "20",
            ["ReferenceFlow__Workflow__EmailClaimLease"] = EmailClaimLease.ToString("c", CultureInfo.InvariantCulture),
            ["ReferenceFlow__Workflow__EffectFirstRetry"] = "00:00:01",
            ["ReferenceFlow__Workflow__EffectMaxRetryInterval"] = "00:00:05",
            ["ReferenceFlow__Workflow__StalledRetryAfter"] = "00:00:20",
            ["ReferenceFlow__Policy__UseBusinessHours"] = "false",
            ["ReferenceFlow__Policy__OwnerReminderAfter"] = "00:02:00",
            ["ReferenceFlow__Policy__OwnerEscalateAfter"] = "00:05:00",
            ["ReferenceFlow__Policy__OwnerApprovalTimeout"] = "00:20:00",
            // A follow-up whose answer a kill lost (the engine drops an answer that reaches a later execution) is asked
            // again when its retry timer fires: within the run's settle time, as the reminders above are.
            ["ReferenceFlow__Policy__SlotSearchRetryAfter"] = "00:01:00",
            ["ReferenceFlow__Policy__CandidateCheckRetryAfter"] = "00:01:00",
            ["Logging__LogLevel__Default"] = "Warning",
            // A command the request refused when it arrived is the first thing to look for when one seems lost.
            ["Logging__LogLevel__ReferenceFlow.Workflow.Requests.RequestOrchestrator"] = "Information",
        };
        var feed = 0;
        foreach (var email in TestDirectory.ContactEmails(plan.Accounts))
        {
            environment[$"ReferenceFlow__Calendar__IcsFeeds__{feed}__Email"] = email;
            environment[$"ReferenceFlow__Calendar__IcsFeeds__{feed}__Url"] = Calendar.FeedOf(email).ToString();
            feed++;
        }
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        await Main.DisposeAsync();
        await Replica.DisposeAsync();
        await Smtp.DisposeAsync();
        await Calendar.DisposeAsync();
        await Mail.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

internal static class EnvironmentExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> environment, string key, string value) =>
        new(environment) { [key] = value };
}
