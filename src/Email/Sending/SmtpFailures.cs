using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace ReferenceFlow.Email.Sending;

/// <summary>Sorts SMTP failures into those worth retrying and those that will never pass.</summary>
internal static class SmtpFailures
{
    public static bool IsPermanent(Exception exception, out int? status)
    {
        status = null;
        switch (exception)
        {
            case SmtpCommandException command when (int)command.StatusCode >= 500:
                status = (int)command.StatusCode;
                return true;
            case AuthenticationException:
                status = 535;
                return true;
            default:
                return false;
        }
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };
}
