using System.Text;

namespace Workflow.Api.Extensions;

public static class RequestBodies
{
    /// <summary>Reads the body as UTF-8 text, or null as soon as it grows past <paramref name="maxBytes"/> (413 territory).</summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken ct) =>
        await ReadBytesAsync(request, maxBytes, ct) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The body's bytes, or null as soon as it grows past <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
