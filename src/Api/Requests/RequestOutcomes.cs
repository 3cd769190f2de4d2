using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Api.Requests.Views;

namespace ReferenceFlow.Api.Requests;

/// <summary>What a request operation answered: found and done, not found, or not allowed for this user.</summary>
public abstract record RequestResult
{
    public sealed record Done(string Id, RequestStatus State) : RequestResult;

    public sealed record Missing : RequestResult;

    public sealed record Forbidden : RequestResult;
}

/// <summary>GET answers: the view, or why not.</summary>
public abstract record RequestLookup
{
    public sealed record Found(RequestView View) : RequestLookup;

    public sealed record Missing : RequestLookup;
}
