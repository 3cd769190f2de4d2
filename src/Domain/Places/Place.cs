namespace ReferenceFlow.Domain.Places;

/// <summary>A country or a language: the ISO code that is stored and sent, and the name that is shown.</summary>
public sealed record Place(string Code, string Name);
