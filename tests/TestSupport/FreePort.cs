using System.Net;
using System.Net.Sockets;

namespace ReferenceFlow.TestSupport;

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until something listens on <paramref name="port"/>; false when <paramref name="gaveUp"/> says the process
    /// that was to listen is gone, and a timeout when nothing listened in time.
    /// </summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? gaveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                if (gaveUp?.Invoke() == true) return false;
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within {timeout}.");
    }
}
