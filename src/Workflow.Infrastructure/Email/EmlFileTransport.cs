using MimeKit;
using Workflow.Application.Email;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The embedded default without an SMTP relay: each message becomes &lt;folder&gt;/&lt;Message-ID&gt;.eml. Writing the
/// same message again replaces the file, so a retry after a crash cannot produce a second copy.
/// </summary>
public sealed class EmlFileTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(new Session(Folder));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task<byte[]> SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = string.Concat((message.MessageId ?? "no-id").Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '-' or '@' ? ch : '_')) + ".eml";
            var temp = Path.Combine(folder, "." + name + ".tmp");
            // Serialised once, so the file and the stored record are the same bytes.
            using var buffer = new MemoryStream();
            await message.WriteToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, Path.Combine(folder, name), overwrite: true);
            return bytes;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
