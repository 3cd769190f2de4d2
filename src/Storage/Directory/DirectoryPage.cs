using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>A page of accounts, how many match in all, and the token of the next page (null on the last).</summary>
public sealed record DirectoryPage(IReadOnlyList<ReferenceAccount> Items, int Total, string? Continuation);
