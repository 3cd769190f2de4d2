using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>One row of <see cref="ContactHolds"/>: <paramref name="RequestId"/> has held <paramref name="Contact"/> since <paramref name="Since"/>.</summary>
public sealed record ContactHold(ContactKey Contact, string RequestId, DateTimeOffset Since);
