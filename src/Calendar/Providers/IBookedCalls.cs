namespace ReferenceFlow.Calendar.Providers;

/// <summary>Reference calls already booked through ReferenceFlow (implemented by the host from request read models).</summary>
public interface IBookedCalls
{
    /// <summary>Calls booked for the contact <paramref name="email"/> that overlap [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<BusyInterval>> GetBookedAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
