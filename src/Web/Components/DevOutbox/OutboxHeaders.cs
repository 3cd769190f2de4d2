namespace ReferenceFlow.Web.Components.DevOutbox;

/// <summary>The public contract's headers on every outbound message (api.md, "Outbound mail").</summary>
public static class OutboxHeaders
{
    public const string Kind = "X-ReferenceFlow-Kind";
    public const string Request = "X-ReferenceFlow-Request";
}
