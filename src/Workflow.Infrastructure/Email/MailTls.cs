using MailKit.Security;
using Workflow.Application.Email;

namespace Workflow.Infrastructure.Email;

public static class MailTls
{
    public static SecureSocketOptions ToMailKit(this MailTlsMode mode) => mode switch
    {
        MailTlsMode.None => SecureSocketOptions.None,
        MailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
