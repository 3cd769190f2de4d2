namespace ReferenceFlow.ApiContract;

/// <summary>
/// A running host of the API and the action links — the Web host, or the Functions app's HTTP triggers — on the
/// shared Azurite with its own tables, task hub and pickup outbox. The contracts run against each.
/// </summary>
public interface IApiHost
{
    HttpClient ClientFor(string apiKey);

    HttpClient Anonymous();

    /// <summary>The host's services: the workflow, to read a request's recorded state; the token service, to mint links.</summary>
    IServiceProvider Services { get; }

    /// <summary>The pickup directory the host's email lands in.</summary>
    string Outbox { get; }
}
