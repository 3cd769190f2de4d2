namespace ReferenceFlow.Domain.References;

/// <summary>Identifies one contact across the directory: contacts are unique within their account.</summary>
public readonly record struct ContactKey(string ReferenceId, string ContactId)
{
    public override string ToString() => $"{ReferenceId}/{ContactId}";
}
