namespace Leeway.Identity;

/// <summary>
/// A body over Kestrel's limit is a 413 wherever it is sent. Kestrel raises the 413 only when the body is read, and
/// the form readers in front of a page (antiforgery, model binding) take any <see cref="IOException"/> while reading for
/// a bad form and answer 400; a chunked body gives no <c>Content-Length</c> to refuse on up front. So the request body
/// remembers that it ran over, and the answer, whatever wrote it, goes out as 413.
/// </summary>
internal static class OversizeBody
{
    public static IApplicationBuilder UseOversizeBodyAs413(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Body is not OversizeWatch)
        {
            var watch = new OversizeWatch(http.Request.Body);
            http.Request.Body = watch;
            http.Response.OnStarting(() =>
            {
                if (watch.RanOver && http.Response.StatusCode is StatusCodes.Status400BadRequest)
                {
                    http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                }

                return Task.CompletedTask;
            });
        }

        await next(http);
    });

    /// <summary>Passes reads through and notes a 413 from the server on the way.</summary>
    private sealed class OversizeWatch(Stream inner) : Stream
    {
        public bool RanOver { get; private set; }

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Watch(() => inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                RanOver = true;
                throw;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Watch(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                RanOver = true;
                throw;
            }
        }
    }
}
