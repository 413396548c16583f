using System.Security.Cryptography;
using System.Text;

namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>
/// The approximate index on disk: centroids and lists of chunk ids, tied to the vector space that built
/// it and sealed with a SHA-256 of its content. Written to a temporary file and renamed into place, so a
/// crash never leaves a half-written index; a damaged or foreign file is reported and rebuilt.
/// </summary>
internal static class IvfFile
{
    private const int Version = 1;
    private static readonly byte[] s_magic = "SGIV"u8.ToArray();

    public static void Write(string path, string space, int dims, float[] centroids, int lists, int[] listStart, long[] chunkIds)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(s_magic);
            w.Write(Version);
            w.Write(space);
            w.Write(dims);
            w.Write(lists);
            w.Write(chunkIds.Length);
            foreach (var f in centroids)
            {
                w.Write(f);
            }

            foreach (var s in listStart)
            {
                w.Write(s);
            }

            foreach (var id in chunkIds)
            {
                w.Write(id);
            }
        }

        var body = buffer.ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var f = File.Create(temp))
        {
            f.Write(body);
            f.Write(SHA256.HashData(body));
            f.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the file; returns null with a reason when it is missing, damaged or for another space.</summary>
    public static (float[] Centroids, int Lists, int[] ListStart, long[] ChunkIds)? Read(string path, string space, int dims, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 4 + 32 || !bytes.AsSpan(0, 4).SequenceEqual(s_magic)
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            {
                problem = $"the approximate index {path} is damaged";
                return null;
            }

            using var r = new BinaryReader(new MemoryStream(bytes, 4, bytes.Length - 4 - 32));
            if (r.ReadInt32() != Version || r.ReadString() != space || r.ReadInt32() != dims)
            {
                problem = $"the approximate index {path} was built for another embedding model";
                return null;
            }

            var lists = r.ReadInt32();
            var entries = r.ReadInt32();
            var centroids = new float[lists * dims];
            for (var i = 0; i < centroids.Length; i++)
            {
                centroids[i] = r.ReadSingle();
            }

            var start = new int[lists + 1];
            for (var i = 0; i <= lists; i++)
            {
                start[i] = r.ReadInt32();
            }

            var ids = new long[entries];
            for (var i = 0; i < entries; i++)
            {
                ids[i] = r.ReadInt64();
            }

            return (centroids, lists, start, ids);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            problem = $"the approximate index {path} could not be read ({ex.Message})";
            return null;
        }
    }
}
