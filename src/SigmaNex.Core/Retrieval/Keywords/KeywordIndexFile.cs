using System.Security.Cryptography;
using System.Text;

namespace SigmaNex.Core.Retrieval.Keywords;

/// <summary>
/// The in-memory keyword index on disk, so a restart does not re-analyse the collection. It is valid only
/// for the exact set of chunks it was built from (a hash of their ids), and sealed with a SHA-256.
/// </summary>
internal static class KeywordIndexFile
{
    private const int Version = 1;
    private static readonly byte[] s_magic = "SGKW"u8.ToArray();

    public static string ChunkSetHash(long[] chunkIds)
    {
        var bytes = new byte[chunkIds.Length * 8];
        Buffer.BlockCopy(chunkIds, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static void Write(string path, string chunkSet, KeywordIndex index)
    {
        var (terms, start, rows, tf, lengths, alive) = index.Layout;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(s_magic);
                w.Write(Version);
                w.Write(TextAnalysisVersion);
                w.Write(chunkSet);
                w.Write(lengths.Length);
                foreach (var l in lengths)
                {
                    w.Write(l);
                }

                foreach (var a in alive)
                {
                    w.Write(a);
                }

                w.Write(terms.Length);
                foreach (var t in terms)
                {
                    w.Write(t);
                }

                foreach (var s in start)
                {
                    w.Write(s);
                }

                w.Write(rows.Length);
                foreach (var r in rows)
                {
                    w.Write(r);
                }

                w.Write(tf);
            }

            file.Position = 0;
            var digest = SHA256.HashData(file);
            file.Position = file.Length;
            file.Write(digest);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static KeywordIndex? Read(string path, string chunkSet, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 36 || !bytes.AsSpan(0, 4).SequenceEqual(s_magic)
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            {
                problem = $"the keyword index {path} is damaged";
                return null;
            }

            using var r = new BinaryReader(new MemoryStream(bytes, 4, bytes.Length - 36), Encoding.UTF8);
            if (r.ReadInt32() != Version || r.ReadInt32() != TextAnalysisVersion || r.ReadString() != chunkSet)
            {
                return null;
            }

            var n = r.ReadInt32();
            var lengths = new ushort[n];
            for (var i = 0; i < n; i++)
            {
                lengths[i] = r.ReadUInt16();
            }

            var alive = new bool[n];
            for (var i = 0; i < n; i++)
            {
                alive[i] = r.ReadBoolean();
            }

            var termCount = r.ReadInt32();
            var terms = new Dictionary<string, int>(termCount, StringComparer.Ordinal);
            for (var i = 0; i < termCount; i++)
            {
                terms[r.ReadString()] = i;
            }

            var start = new int[termCount + 1];
            for (var i = 0; i <= termCount; i++)
            {
                start[i] = r.ReadInt32();
            }

            var postings = r.ReadInt32();
            var rows = new int[postings];
            for (var i = 0; i < postings; i++)
            {
                rows[i] = r.ReadInt32();
            }

            var tf = r.ReadBytes(postings);
            return new KeywordIndex(terms, start, rows, tf, lengths, alive, alive.Count(a => a));
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            problem = $"the keyword index {path} could not be read ({ex.Message})";
            return null;
        }
    }

    /// <summary>Bumped when text analysis changes, so indexes built with the old analysis are rebuilt.</summary>
    public const int TextAnalysisVersion = 1;
}
