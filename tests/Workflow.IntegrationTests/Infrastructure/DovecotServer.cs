using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway Dovecot IMAP server (Debian's dovecot-imapd, see .ci/apt-packages) on a loopback port, one user, maildir
/// in a temporary folder: plain text, or with <c>tls</c> implicit TLS (imaps) with a self-signed certificate and no
/// login in clear. Runs as root the way CI does (mail owned by "nobody"), else as the caller.
/// </summary>
public sealed class DovecotServer : IDisposable
{
    public const string User = "cmrt";
    public const string Password = "intake-password";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dovecot-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Process _process;

    public DovecotServer(bool tls = false)
    {
        if (!File.Exists("/usr/sbin/dovecot"))
            throw new InvalidOperationException("Dovecot is not installed: apt-get install dovecot-imapd (listed in .ci/apt-packages).");
        Port = SmtpSink.FreePort();
        var isRoot = Environment.UserName == "root";
        var (mailUser, internalUser, loginUser) = isRoot ? ("nobody", "dovecot", "dovenull") : (Environment.UserName, Environment.UserName, Environment.UserName);
        Directory.CreateDirectory(Path.Combine(_root, "mail"));
        var passwd = Path.Combine(_root, "passwd");
        File.WriteAllText(passwd, $"{User}:{{PLAIN}}{Password}::::::\n");
        var ssl = "ssl = no\n            disable_plaintext_auth = no";
        if (tls)
        {
            Certificate = TestCertificates.SelfSigned("imap.test");
            File.WriteAllText(Path.Combine(_root, "cert.pem"), Certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_root, "key.pem"), Certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            ssl = $"ssl = required\n            ssl_cert = <{_root}/cert.pem\n            ssl_key = <{_root}/key.pem\n            disable_plaintext_auth = yes";
        }
        var config = Path.Combine(_root, "dovecot.conf");
        File.WriteAllText(config, $$"""
            base_dir = {{_root}}/run
            state_dir = {{_root}}/state
            log_path = {{_root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            {{ssl}}
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            mail_location = maildir:{{_root}}/mail/%u
            namespace inbox {
              inbox = yes
              separator = /
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{passwd}}
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{(isRoot ? "nogroup" : mailUser)}} home={{_root}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{(tls ? 0 : Port)}}
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = {{(tls ? Port : 0)}}
                ssl = yes
              }
            }
            service stats {
              unix_listener stats-reader {
                mode = 0666
              }
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """);
        if (isRoot)
        {
            Run("chmod", "755", _root);
            Run("chown", "nobody:nogroup", Path.Combine(_root, "mail"));
            Run("chmod", "644", passwd);
        }
        _process = EndsWithTestRun.Watch(Process.Start(new ProcessStartInfo("/usr/sbin/dovecot", ["-F", "-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!);
        WaitForPort();
    }

    public int Port { get; }
    /// <summary>The server's self-signed certificate when started with TLS.</summary>
    public X509Certificate2? Certificate { get; }

    public Dictionary<string, string?> Settings(string address = "cmrt@buyer.test")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Imap:Host"] = "127.0.0.1",
            ["Imap:Port"] = Port.ToString(),
            ["Imap:TlsMode"] = Certificate is null ? "None" : "SslOnConnect",
            ["Imap:Username"] = User,
            ["Imap:Password"] = Password,
            ["Imap:Folder"] = "INBOX",
            ["Imap:ProcessedFolder"] = "Processed",
            ["Imap:Address"] = address,
        };
        if (Certificate is not null)
            settings["Imap:TrustedCertificateThumbprints:0"] = Workflow.Infrastructure.Email.CertificateTrust.Sha256(Certificate);
        return settings;
    }

    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient
        {
            ServerCertificateValidationCallback = Certificate is null ? null
                : (_, cert, _, _) => cert is not null && Workflow.Infrastructure.Email.CertificateTrust.Sha256(cert) == Workflow.Infrastructure.Email.CertificateTrust.Sha256(Certificate),
        };
        await client.ConnectAsync("127.0.0.1", Port, Certificate is null ? SecureSocketOptions.None : SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    public async Task AppendAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void WaitForPort()
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) break;
            try
            {
                using var c = new TcpClient();
                c.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        var log = File.Exists(Path.Combine(_root, "dovecot.log")) ? File.ReadAllText(Path.Combine(_root, "dovecot.log")) : "";
        throw new InvalidOperationException($"Dovecot did not start on port {Port}: {(_process.HasExited ? _process.StandardError.ReadToEnd() : "")} {log}");
    }

    private static void Run(string file, params string[] args)
    {
        using var p = Process.Start(file, args);
        p.WaitForExit();
    }
}
