using System.Net;
using System.Net.Sockets;
using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Engine;

/// <summary>
/// The Durable Task engine inside a host that is not Azure Functions: DTFx's Azure Storage backend
/// (the task hub layout Durable Functions uses). The SDK's client reaches it over gRPC on a loopback
/// HTTP/2 port (the sidecar of Microsoft.DurableTask.InProcessTestHost, serving the client API only);
/// the SDK's orchestrators and activities run in DTFx's own worker through the SDK's shims, the way
/// Durable Functions runs them in process. Docs/decisions/005 says why the sidecar does not dispatch.
/// Nothing else in the app knows it is here: they see a <c>DurableTaskClient</c>.
/// </summary>
public sealed partial class EmbeddedEngine : IHostedService, IAsyncDisposable
{
    private readonly EngineOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<EmbeddedEngine> _logger;
    private readonly AzureStorageOrchestrationService _service;
    private readonly IServiceProvider _services;
    private readonly EngineTasks _tasks;
    private readonly DataConverter _converter;
    private static readonly TimeSpan AttemptAtMost = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _sidecar;
    private TaskHubWorker? _worker;
    private Task? _startingLate;

    public EmbeddedEngine(
        IOptions<EngineOptions> options, IOptions<StorageOptions> storage, ILoggerFactory loggers,
        IServiceProvider services, EngineTasks tasks, DataConverter converter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _options = options.Value;
        _loggers = loggers;
        _logger = loggers.CreateLogger<EmbeddedEngine>();
        _services = services;
        _tasks = tasks;
        _converter = converter;
        Settings = BuildSettings(_options, storage.Value, loggers);
        _service = new AzureStorageOrchestrationService(Settings);
        Port = _options.GrpcPort > 0 ? _options.GrpcPort : FreeLoopbackPort();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}", new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
    }

    public AzureStorageOrchestrationServiceSettings Settings { get; }

    public int Port { get; }

    /// <summary>The channel the SDK's client uses to reach the engine.</summary>
    public GrpcChannel Channel { get; }

    public bool RunsWorkers => _options.RunWorkers;

    /// <summary>The engine serves its gRPC endpoint (the task hub exists).</summary>
    public bool IsStarted => _sidecar is not null;

    /// <summary>This replica's worker runs orchestrations and activities.</summary>
    public bool WorkerRunning => _worker is not null;

    /// <summary>
    /// Starts the engine before the host answers, as nearly always. A host started while storage is unreachable (a
    /// restart during an outage) does not wait for it: it answers at once, 503 with Retry-After for whatever needs the
    /// engine, and the engine starts in the background when storage answers, or stops the host after
    /// <see cref="EngineOptions.StartupTimeout"/>.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryCreateTaskHubAsync(1, cancellationToken).ConfigureAwait(false))
        {
            await ServeAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        _startingLate = Task.Run(() => StartLateAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task StartLateAsync(CancellationToken stopping)
    {
        var deadline = DateTimeOffset.UtcNow + _options.StartupTimeout;
        try
        {
            for (var attempt = 2; !await TryCreateTaskHubAsync(attempt, stopping).ConfigureAwait(false); attempt++)
            {
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    throw new TimeoutException($"Storage did not answer within {_options.StartupTimeout}.");
                }
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), stopping).ConfigureAwait(false);
            }
            await ServeAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            LogGaveUp(_logger, e, _options.StartupTimeout);
            _services.GetService<IHostApplicationLifetime>()?.StopApplication();
        }
    }

    /// <summary>The gRPC endpoint the client reaches, and this replica's worker when it runs one.</summary>
    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        // No arguments: the inner host listens only where the engine says, and logs through the app.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(InnerHostLogging.Create(_loggers));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(g => g.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(_service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken).ConfigureAwait(false);
        _sidecar = sidecar;
        if (_options.RunWorkers)
        {
            var worker = BuildWorker();
            await worker.StartAsync().ConfigureAwait(false);
            _worker = worker;
        }
        LogStarted(_logger, Settings.TaskHubName, Settings.PartitionCount, Port, Settings.WorkerId, _options.RunWorkers);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_startingLate is { } late)
        {
            try
            {
                await late.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped before storage answered: nothing was started.
            }
        }
        if (_worker is { } worker)
        {
            // Not forced: work in hand finishes (or its messages reappear for another replica), leases are released.
            await worker.StopAsync(isForced: false).WaitAsync(cancellationToken).ConfigureAwait(false);
            _worker = null;
        }
        if (_sidecar is { } sidecar)
        {
            await sidecar.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_sidecar is { } sidecar)
        {
            await sidecar.DisposeAsync().ConfigureAwait(false);
            _sidecar = null;
        }
        Channel.Dispose();
    }

    private TaskHubWorker BuildWorker()
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = _converter }, _loggers);
        // Failure details (type, message) reach the orchestrator's TaskFailedException, as the SDK expects.
        var worker = new TaskHubWorker(_service, _loggers) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        foreach (var (name, type) in _tasks.Orchestrators)
        {
            worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(name,
                () => shims.CreateOrchestration(name, (ITaskOrchestrator)Activator.CreateInstance(type)!)));
        }
        foreach (var (name, type) in _tasks.Activities)
        {
            worker.AddTaskActivities(new ShimCreator<TaskActivity>(name,
                () => shims.CreateActivity(name, (ITaskActivity)ActivatorUtilities.CreateInstance(_services, type))));
        }
        return worker;
    }

    /// <summary>
    /// One attempt at the engine's queues, tables and lease blobs (the sidecar does not create them itself), bounded: the
    /// storage clients' own retries against an unreachable store take far longer. An attempt given up on goes on by itself
    /// until those retries end; creating what exists already is harmless, so the next attempt need not wait for it.
    /// </summary>
    private async Task<bool> TryCreateTaskHubAsync(int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await _service.CreateIfNotExistsAsync().WaitAsync(AttemptAtMost, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogStorageNotReady(_logger, attempt, e.Message);
            return false;
        }
    }

    private static AzureStorageOrchestrationServiceSettings BuildSettings(EngineOptions o, StorageOptions storage, ILoggerFactory loggers)
    {
        var renew = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, o.LeaseInterval.Ticks / 3));
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? new StorageAccountClientProvider(
                    StorageClients.Endpoint(storage, "blob"), StorageClients.Endpoint(storage, "queue"), StorageClients.Endpoint(storage, "table"),
                    new DefaultAzureCredential())
                : new StorageAccountClientProvider(storage.ConnectionString),
            TaskHubName = o.TaskHub,
            WorkerId = string.IsNullOrWhiteSpace(o.WorkerId) ? Environment.MachineName : o.WorkerId,
            PartitionCount = o.PartitionCount,
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = o.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = o.WorkItemQueueVisibilityTimeout,
            LeaseInterval = o.LeaseInterval,
            LeaseRenewInterval = renew,
            LeaseAcquireInterval = renew,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestrations,
            LoggerFactory = loggers,
            // Replicas of this app and a Functions app may serve one task hub: partition leases alone divide the
            // work, rather than an app lease that lets only one app name process the hub at a time.
            UseAppLease = false,
        };
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Durable Task engine on task hub {TaskHub} ({Partitions} partitions) at 127.0.0.1:{Port}, worker id {WorkerId}, workers {RunWorkers}")]
    private static partial void LogStarted(ILogger logger, string taskHub, int partitions, int port, string workerId, bool runWorkers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the task hub failed (attempt {Attempt}): {Error}; retrying")]
    private static partial void LogStorageNotReady(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The workflow engine could not reach storage within {Timeout}; the host stops")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, TimeSpan timeout);
}
