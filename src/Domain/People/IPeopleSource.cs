namespace ReferenceFlow.Domain.People;

/// <summary>One place that may know staff names (Entra ID through Graph, remembered sign-ins and owner columns, the demo users).</summary>
public interface IPeopleSource
{
    /// <summary>What this source knows about <paramref name="email"/>; empty when nothing.</summary>
    Task<IReadOnlyList<KnownName>> NamesAsync(string email, CancellationToken cancellationToken);
}
