using System.IO.Compression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CitizenData.Bot.WebChat;

/// <summary>
/// Serves Web Chat's 3.9 MB bundle gzip-compressed (about 1 MB) to browsers that accept it: residents join from phones,
/// often on slow or metered connections. Compressed once, on first request, and kept in memory.
/// </summary>
public sealed class WebChatBundle(IWebHostEnvironment environment)
{
    public const string Path = "/lib/webchat/webchat.js";

    private readonly Lazy<Compressed?> compressed = new(() => Compress(environment.WebRootFileProvider.GetFileInfo(Path)));

    public async Task ServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = compressed.Value;
        var response = context.Response;
        if (bundle is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            await response.WriteAsync("webchat.js is missing: build src/Bot (the build fetches it with npm pack).");
            return;
        }
        var gzip = AcceptsGzip(context.Request);
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = "public, max-age=86400";
        response.Headers.ETag = gzip ? bundle.ETag + "-gz" : bundle.ETag;
        if (context.Request.Headers.IfNoneMatch.ToString() == response.Headers.ETag.ToString())
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = "text/javascript; charset=utf-8";
        if (!gzip)
        {
            await response.SendFileAsync(bundle.File, context.RequestAborted);
            return;
        }
        response.Headers.ContentEncoding = "gzip";
        response.ContentLength = bundle.Gzip.Length;
        await response.Body.WriteAsync(bundle.Gzip, context.RequestAborted);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings)
        && encodings.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);

    private static Compressed? Compress(IFileInfo file)
    {
        if (!file.Exists)
            return null;
        using var output = new MemoryStream();
        using (var source = file.CreateReadStream())
        using (var zip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            source.CopyTo(zip);
        return new Compressed(file, output.ToArray(), $"\"{file.Length:x}-{file.LastModified.ToUnixTimeSeconds():x}\"");
    }

    private sealed record Compressed(IFileInfo File, byte[] Gzip, string ETag);
}
