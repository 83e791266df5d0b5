using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway Dovecot IMAP server (Debian's dovecot-imapd, see .ci/apt-packages) on a loopback port, plain text,
/// one user, maildir in a temporary folder. Runs as root the way CI does (mail owned by "nobody"), else as the caller.
/// </summary>
public sealed class DovecotServer : IDisposable
{
    public const string User = "cmrt";
    public const string Password = "intake-password";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dovecot-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Process _process;

    public DovecotServer()
    {
        if (!File.Exists("/usr/sbin/dovecot"))
            throw new InvalidOperationException("Dovecot is not installed: apt-get install dovecot-imapd (listed in .ci/apt-packages).");
        Port = SmtpSink.FreePort();
        var isRoot = Environment.UserName == "root";
        var (mailUser, internalUser, loginUser) = isRoot ? ("nobody", "dovecot", "dovenull") : (Environment.UserName, Environment.UserName, Environment.UserName);
        Directory.CreateDirectory(Path.Combine(_root, "mail"));
        var passwd = Path.Combine(_root, "passwd");
        File.WriteAllText(passwd, $"{User}:{{PLAIN}}{Password}::::::\n");
        var config = Path.Combine(_root, "dovecot.conf");
        File.WriteAllText(config, $$"""
            base_dir = {{_root}}/run
            state_dir = {{_root}}/state
            log_path = {{_root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
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
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
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
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/dovecot", ["-F", "-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        WaitForPort();
    }

    public int Port { get; }

    public Dictionary<string, string?> Settings(string address = "cmrt@buyer.test") => new()
    {
        ["Imap:Host"] = "127.0.0.1",
        ["Imap:Port"] = Port.ToString(),
        ["Imap:TlsMode"] = "None",
        ["Imap:Username"] = User,
        ["Imap:Password"] = Password,
        ["Imap:Folder"] = "INBOX",
        ["Imap:ProcessedFolder"] = "Processed",
        ["Imap:Address"] = address,
    };

    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
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
