using System.Security.Cryptography;
using System.Text;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Ingestion;

/// <summary>
/// Imports a file or a folder into the store: detects each file's format, refuses what is too big,
/// binary or outside the given folder, skips files whose content has not changed, and writes each
/// file's documents in transactions so that an interrupted ingest leaves the store consistent.
/// </summary>
public sealed class Ingestor
{
    private const int HeadBytes = 8192;

    private readonly KnowledgeStore _store;
    private readonly DocumentIndexer _indexer;
    private readonly VectorSpace? _space;
    private readonly IReadOnlyList<IKnowledgeImporter> _importers;

    public Ingestor(KnowledgeStore store, DocumentIndexer indexer, VectorSpace? space, IReadOnlyList<IKnowledgeImporter> importers)
    {
        _store = store;
        _indexer = indexer;
        _space = space;
        _importers = importers;
    }

    public IReadOnlyList<string> Formats => _importers.Select(i => i.Format).ToList();

    public async Task<IngestReport> IngestAsync(string path, IngestOptions options, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (options.Format is { } f && _importers.All(i => i.Format != f))
        {
            throw SigmaException.Input($"unknown format '{f}' (known: {string.Join(", ", Formats)})");
        }

        var full = Path.GetFullPath(path);
        var report = new IngestReport();
        if (File.Exists(full))
        {
            report.Files = 1;
            await IngestFileAsync(full, options, report, progress, started, single: true, cancellationToken).ConfigureAwait(false);
        }
        else if (Directory.Exists(full))
        {
            var files = SafePaths.EnumerateFiles(full, report.Warnings);
            report.Files = files.Count;
            for (var i = 0; i < files.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    report.Cancelled = true;
                    break;
                }

                progress?.Report(new ProgressUpdate("files", i, files.Count, $"{Path.GetRelativePath(full, files[i])} · {Detail(report, started)}"));
                await IngestFileAsync(files[i], options, report, progress, started, single: false, cancellationToken).ConfigureAwait(false);
            }

            progress?.Report(new ProgressUpdate("files", files.Count, files.Count));
        }
        else
        {
            throw SigmaException.Input($"no such file or folder: {full}");
        }

        report.Cancelled |= cancellationToken.IsCancellationRequested;
        report.ElapsedMs = Math.Round(started.Elapsed.TotalMilliseconds, 1);
        return report;
    }

    private async Task IngestFileAsync(
        string file, IngestOptions options, IngestReport report, IProgress<ProgressUpdate>? progress, System.Diagnostics.Stopwatch started, bool single,
        CancellationToken cancellationToken)
    {
        void Skip(string why)
        {
            if (single)
            {
                throw SigmaException.Input(why);
            }

            report.FilesSkipped++;
            report.Warnings.Add(why);
        }

        FileInfo info;
        byte[] head;
        try
        {
            info = new FileInfo(file);
            if (info.Length > options.MaxFileBytes)
            {
                var refused = new SigmaException(SigmaErrorKind.Refused,
                    $"{file} is {Size(info.Length)}; the limit is {Size(options.MaxFileBytes)} (security.max_file_size_mb)");
                if (single)
                {
                    throw refused;
                }

                report.FilesSkipped++;
                report.Warnings.Add(refused.Message);
                return;
            }

            head = ReadHead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Skip($"cannot read {file}: {ex.Message}");
            return;
        }

        var importer = options.Format is { } format
            ? _importers.First(i => i.Format == format)
            : _importers.FirstOrDefault(i => i.CanImport(file, head));
        if (importer is null)
        {
            Skip(LooksBinary(head)
                ? $"skipped binary file {file}"
                : $"unsupported file type {file} (known formats: {string.Join(", ", Formats)}; use --format to force one)");
            return;
        }

        if (importer is not IBinaryImporter && LooksBinary(head))
        {
            Skip($"skipped binary file {file} (not {importer.Format})");
            return;
        }

        var uri = new Uri(file).AbsoluteUri;
        var hash = await HashAsync(file, importer.Format, cancellationToken).ConfigureAwait(false);
        if (_store.GetSource(uri) is { Status: "complete" } existing && existing.ContentHash == hash)
        {
            report.FilesUnchanged++;
            report.Documents += existing.Documents;
            return;
        }

        var read = new ReadPosition();
        var gate = new Lock();
        var context = new ImportContext
        {
            Path = file,
            MaxBytes = options.MaxFileBytes,
            Warn = w =>
            {
                lock (gate)
                {
                    report.Warnings.Add(w);
                }
            },
            ReportRead = read.Set,
        };
        var keep = new List<string>();
        long? sourceId = null;
        List<IndexedDocument>? first = null;
        var batches = IndexingPipeline.RunAsync(importer.ImportAsync(context, cancellationToken), _indexer, options.BatchSize, cancellationToken);
        try
        {
            await foreach (var batch in batches.ConfigureAwait(false))
            {
                keep.AddRange(batch.Select(d => d.Document.Id));
                if (first is null && sourceId is null)
                {
                    // Hold the first batch: if it is the only one, the file is written in one transaction.
                    first = batch;
                    continue;
                }

                sourceId ??= _store.BeginSource(uri, importer.Format, hash);
                if (first is not null)
                {
                    Write(sourceId.Value, first, report);
                    first = null;
                }

                Write(sourceId.Value, batch, report);
                progress?.Report(read.Total > 0
                    ? new ProgressUpdate(Path.GetFileName(file), read.Done, read.Total, Detail(report, started), "bytes")
                    : new ProgressUpdate("documents", report.Documents, null, $"{Path.GetFileName(file)} · {Detail(report, started)}"));
            }
        }
        catch (SigmaException ex) when (!single && ex.Kind is SigmaErrorKind.InvalidInput or SigmaErrorKind.Refused)
        {
            report.FilesSkipped++;
            report.Warnings.Add(ex.Message);
            return;
        }
        catch (OperationCanceledException)
        {
            report.Cancelled = true;
            return;
        }

        if (sourceId is null)
        {
            // Small file: everything in one transaction.
            var indexed = first ?? [];
            var (written, removed) = _store.ReplaceSource(uri, importer.Format, hash, indexed, _space);
            Count(report, indexed, written);
            report.DocumentsRemoved += removed;
        }
        else
        {
            report.DocumentsRemoved += _store.CompleteSource(sourceId.Value, hash, keep);
        }

        report.Formats[importer.Format] = report.Formats.GetValueOrDefault(importer.Format) + 1;
    }

    private void Write(long sourceId, List<IndexedDocument> batch, IngestReport report)
    {
        var written = _store.WriteDocuments(sourceId, batch, _space);
        Count(report, batch, written);
    }

    private static string Detail(IngestReport report, System.Diagnostics.Stopwatch started)
    {
        var seconds = Math.Max(0.001, started.Elapsed.TotalSeconds);
        return $"{report.Documents:N0} docs, {report.Chunks:N0} chunks, {report.Documents / seconds:N0}/s";
    }

    private static void Count(IngestReport report, List<IndexedDocument> indexed, int written)
    {
        report.Documents += indexed.Count;
        report.DocumentsWritten += written;
        report.Chunks += indexed.Sum(d => d.Chunks.Count);
    }

    private static byte[] ReadHead(string file)
    {
        using var s = File.OpenRead(file);
        var buffer = new byte[HeadBytes];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..n];
    }

    /// <summary>NUL bytes, or bytes that are not UTF-8, in the first block mean a binary file.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        // A multi-byte character may be cut at the end of the block; ignore the last 3 bytes.
        var probe = head.Length > 4 ? head[..^3] : head;
        return !System.Text.Unicode.Utf8.IsValid(probe);
    }

    private static async Task<string> HashAsync(string file, string format, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(format + "\n" + ImporterVersion + "\n"));
        await using var s = File.OpenRead(file);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = await s.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            sha.AppendData(buffer, 0, n);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Bumped when an importer's output changes, so unchanged files are re-imported once.</summary>
    public const string ImporterVersion = "1";

    /// <summary>How far an importer has read its file; written by the importer's thread, read by the writer's.</summary>
    private sealed class ReadPosition
    {
        private long _done;
        private long _total;

        public long Done => Volatile.Read(ref _done);

        public long Total => Volatile.Read(ref _total);

        public void Set(long done, long total)
        {
            Volatile.Write(ref _total, total);
            Volatile.Write(ref _done, done);
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
