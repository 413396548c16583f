using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// MedQuAD, the medical question/answer dataset: either its archive (<c>medquad.tar.gz</c>, read as a
/// stream, never extracted to disk: one source, written in batches) or one of its XML files (a folder of
/// them is ingested file by file). Every answered pair becomes a <see cref="DocumentKind.QuestionAnswer"/>
/// document credited to MedQuAD and its original site (see <see cref="MedQuadReader"/>).
/// </summary>
public sealed class MedQuadImporter : IBinaryImporter
{
    /// <summary>An archive may expand to this many times the file size limit before it is taken for a bomb.</summary>
    public const int MaxExpansion = 16;

    public string Format => "medquad";

    public bool CanImport(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".xml", StringComparison.Ordinal))
        {
            return LooksLikeMedQuad(Encoding.UTF8.GetString(head));
        }

        if (!(name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) || name.EndsWith(".tar", StringComparison.Ordinal)))
        {
            return false;
        }

        // The first entries of the archive, decompressed from the head alone, say whether it is MedQuAD.
        var start = IsGzip(head) ? Inflate(head) : head.ToArray();
        var text = Encoding.UTF8.GetString(start);
        return LooksLikeMedQuad(text) || text.Contains("MedQuAD", StringComparison.Ordinal);
    }

    public IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        Span<byte> magic = stackalloc byte[2];
        using (var probe = File.OpenRead(context.Path))
        {
            magic = magic[..probe.ReadAtLeast(magic, 2, throwOnEndOfStream: false)];
        }

        var archive = IsGzip(magic) || !Path.GetExtension(context.Path).Equals(".xml", StringComparison.OrdinalIgnoreCase);
        return archive ? ImportArchiveAsync(context, cancellationToken) : ImportFileAsync(context, cancellationToken);
    }

    private static async IAsyncEnumerable<KnowledgeDocument> ImportFileAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<KnowledgeDocument> docs;
        int unanswered;
        await using (var stream = new FileStream(context.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            docs = MedQuadReader.Read(stream, context.Path, Path.GetFileNameWithoutExtension(context.Path), out unanswered);
        }

        if (unanswered > 0)
        {
            context.Warn($"{context.Path}: left out {unanswered} question(s) without an answer");
        }

        foreach (var d in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return d;
        }
    }

    private static async IAsyncEnumerable<KnowledgeDocument> ImportArchiveAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = new FileStream(context.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var gzip = file.Length >= 2 && file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
        file.Position = 0;
        var limit = checked(context.MaxBytes * MaxExpansion);
        await using var data = new LimitedStream(gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file, limit, context.Path);
        using var tar = new TarReader(data, leaveOpen: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unanswered = 0;
        var xmlFiles = 0;
        while (Next(tar, context.Path) is { } entry)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || !entry.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.DataStream is null)
            {
                continue;
            }

            var name = $"{context.Path}:{entry.Name.TrimStart('.', '/')}";
            xmlFiles++;
            if (entry.Length > context.MaxBytes)
            {
                context.Warn($"{name} is {entry.Length:N0} bytes; the limit is {context.MaxBytes:N0} (security.max_file_size_mb); skipped");
                continue;
            }

            List<KnowledgeDocument> docs;
            try
            {
                docs = MedQuadReader.Read(entry.DataStream, name, Path.GetFileNameWithoutExtension(entry.Name), out var empty);
                unanswered += empty;
            }
            catch (SigmaException ex) when (ex.Kind is SigmaErrorKind.InvalidInput or SigmaErrorKind.Refused && data.Position <= limit)
            {
                // One bad file does not spoil the archive; an archive that expands too far does.
                context.Warn(ex.Message + "; skipped");
                continue;
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
            {
                throw Damaged(context.Path, ex);
            }

            foreach (var d in docs)
            {
                if (seen.Add(d.Id))
                {
                    yield return d;
                }
                else
                {
                    context.Warn($"{name}: question {d.Id} appears twice in the archive; the second is left out");
                }
            }

            context.ReportRead?.Invoke(file.Position, file.Length);
        }

        if (xmlFiles == 0)
        {
            throw SigmaException.Input($"{context.Path}: the archive holds no MedQuAD XML files");
        }

        if (unanswered > 0)
        {
            context.Warn($"{context.Path}: left out {unanswered:N0} question(s) without an answer");
        }
    }

    private static TarEntry? Next(TarReader tar, string path)
    {
        try
        {
            return tar.GetNextEntry(copyData: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw Damaged(path, ex);
        }
    }

    private static SigmaException Damaged(string path, Exception ex) =>
        new(SigmaErrorKind.InvalidInput, $"{path}: not a readable .tar.gz archive, or a damaged one", ex);

    private static bool LooksLikeMedQuad(string text) =>
        (text.Contains("<Document", StringComparison.Ordinal) || text.Contains("<DiseaseFile", StringComparison.Ordinal) || text.Contains("<doc ", StringComparison.Ordinal))
        && (text.Contains("<QAPairs", StringComparison.OrdinalIgnoreCase) || text.Contains("<Focus", StringComparison.Ordinal) || text.Contains("<doctitle-focus", StringComparison.Ordinal));

    private static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>As much of a gzip stream as its first bytes decompress to (the head is cut, so the end is expected to fail).</summary>
    private static byte[] Inflate(ReadOnlySpan<byte> head)
    {
        using var input = new MemoryStream(head.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        var output = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while (output.Length < 64 * 1024 && (n = gzip.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            // The head ends mid-stream; what came before is enough.
        }

        return output.ToArray();
    }

    /// <summary>Reads through another stream and refuses to go past a total, so an archive cannot expand without bound.</summary>
    private sealed class LimitedStream(Stream inner, long limit, string path) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > limit)
            {
                throw new SigmaException(SigmaErrorKind.Refused,
                    $"{path} expands to more than {limit / (1024 * 1024):N0} MB ({MaxExpansion} times security.max_file_size_mb); refused as a possible decompression bomb");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
