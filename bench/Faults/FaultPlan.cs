namespace ReferenceFlow.Bench.Faults;

/// <summary>What one run drives and what it breaks meanwhile; every random choice comes from <see cref="Seed"/>.</summary>
public sealed record FaultPlan
{
    public int Seed { get; init; } = 7;

    /// <summary>Requests driven to their end through the API and the email links.</summary>
    public int Requests { get; init; } = 200;

    /// <summary>Directory accounts (three contacts each, one call per quarter): enough that most requests find someone.</summary>
    public int Accounts { get; init; } = 80;

    /// <summary>Requests driven at once, as reps and owners at work would.</summary>
    public int Concurrency { get; init; } = 24;

    /// <summary><c>kill -9</c> of the main host, each followed by a restart.</summary>
    public int Kills { get; init; } = 10;

    /// <summary>A second host on the same task hub, started and later killed, this many times.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>Azurite stopped and restarted after <see cref="StorageOutage"/>, this many times.</summary>
    public int StorageOutages { get; init; } = 2;

    public TimeSpan StorageOutage { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The mail server refusing connections, then answering 421, each for this long, this many times.</summary>
    public int MailOutages { get; init; } = 2;

    public TimeSpan MailOutage { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The calendar answering 429 with Retry-After, then 503, each for this long, this many times.</summary>
    public int CalendarOutages { get; init; } = 2;

    public TimeSpan CalendarOutage { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Malformed, oversized and hostile inputs sent across the endpoints.</summary>
    public int Flood { get; init; } = 1000;

    /// <summary>The window the faults are spread over, from the first submission.</summary>
    public TimeSpan FaultWindow { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>How long, after the last fault, every request gets to reach its end.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>The run <c>./test.sh</c> makes: a few requests, two kills, one outage of each kind, a small flood.</summary>
    public static FaultPlan Short { get; } = new()
    {
        Requests = 12, Accounts = 12, Concurrency = 12, Kills = 2, Replicas = 1, StorageOutages = 1,
        StorageOutage = TimeSpan.FromSeconds(10), MailOutages = 1, MailOutage = TimeSpan.FromSeconds(10),
        CalendarOutages = 1, CalendarOutage = TimeSpan.FromSeconds(10), Flood = 150,
        FaultWindow = TimeSpan.FromSeconds(75), Drain = TimeSpan.FromMinutes(3),
    };
}
