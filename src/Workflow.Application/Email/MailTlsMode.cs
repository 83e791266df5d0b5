namespace Workflow.Application.Email;

/// <summary>How a mail connection is secured: plain (loopback/test relays), STARTTLS upgrade, or TLS from the first byte.</summary>
public enum MailTlsMode { None, StartTls, SslOnConnect }
