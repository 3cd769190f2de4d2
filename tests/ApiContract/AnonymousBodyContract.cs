using System.Net;
using System.Text;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// A caller who has not signed in cannot make the server hold a large body: the API answers before reading one, and the
/// link pages take small forms only.
/// </summary>
public abstract class AnonymousBodyContract(IApiHost host)
{
    [Fact]
    public async Task AnAnonymousChunkedImportIsRefusedWithoutBeingRead()
    {
        var body = new CountingChunkedContent(totalBytes: 8 * 1024 * 1024);

        var response = await host.Anonymous().PostAsync("/api/references/import", body);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}");
        Assert.True(body.BytesPulled < 1024 * 1024, $"the server pulled {body.BytesPulled} bytes of an anonymous body");
    }

    [Fact]
    public async Task ALinkPagePostPastTheSmallLimitIs413()
    {
        var form = new StringContent("decision=approve&reason=" + new string('x', 100 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await host.Anonymous().PostAsync("/actions/not-a-token", form);

        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A chunked body (no length) produced as it is read, counting what the server pulled.</summary>
    private sealed class CountingChunkedContent(long totalBytes) : HttpContent
    {
        private readonly long _total = totalBytes;
        private long _pulled;

        public long BytesPulled => Interlocked.Read(ref _pulled);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (long sent = 0; sent < _total; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
                Interlocked.Add(ref _pulled, chunk.Length);
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Reader(this));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        /// <summary>For hosts that read the content as a stream: bytes are made only as they are read.</summary>
        private sealed class Reader(CountingChunkedContent content) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => content.BytesPulled; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override int Read(byte[] buffer, int offset, int count)
            {
                var left = content._total - content.BytesPulled;
                var n = (int)Math.Min(count, left);
                Array.Fill(buffer, (byte)'a', offset, n);
                Interlocked.Add(ref content._pulled, n);
                return n;
            }
        }
    }
}
