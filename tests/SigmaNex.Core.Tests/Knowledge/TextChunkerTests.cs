using System.Text;
using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Tests.Knowledge;

public sealed class TextChunkerTests
{
    [Fact]
    public void Split_ShortText_IsOneChunkWithTidyWhitespace()
    {
        var chunks = TextChunker.Split("  First   line\twith  spaces.\n\n\n   Second paragraph.  ");

        var chunk = Assert.Single(chunks);
        Assert.Equal("First line with spaces.\n\nSecond paragraph.", chunk);
    }

    [Fact]
    public void Split_WhitespaceOnly_IsEmpty()
    {
        Assert.Empty(TextChunker.Split(" \n\t\n  "));
    }

    [Fact]
    public void Split_LongText_KeepsChunksWithinTheLimitWithOverlapAndWholeWords()
    {
        var text = LongText(paragraphs: 30, sentencesPerParagraph: 6);
        var words = new HashSet<string>(text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

        var chunks = TextChunker.Split(text);

        Assert.True(chunks.Count > 3, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, TextChunker.MaxChars));
        Assert.All(chunks.SkipLast(1), c => Assert.True(c.Length >= TextChunker.TargetChars / 2, $"a small chunk of {c.Length}"));
        Assert.All(chunks.SelectMany(c => c.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), w => Assert.Contains(w, words));
        for (var i = 1; i < chunks.Count; i++)
        {
            // The start of each chunk repeats the end of the one before.
            var overlap = chunks[i][..40];
            Assert.Contains(overlap, chunks[i - 1].Replace('\n', ' '), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Split_OneHugeParagraphWithoutSentences_SplitsAtSpaces()
    {
        var text = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"word{i}"));

        var chunks = TextChunker.Split(text);

        Assert.True(chunks.Count > 10);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, TextChunker.MaxChars));
        Assert.All(chunks, c => Assert.Matches(@"^(word\d+ )*word\d+$", c));
        Assert.EndsWith("word1999", chunks[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_AWordLongerThanAChunk_IsCutRatherThanKeptWhole()
    {
        var chunks = TextChunker.Split(new string('x', 5000));

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, TextChunker.MaxChars));
        Assert.Equal(5000, chunks.Sum(c => c.Length));
    }

    [Fact]
    public void Chunk_Sections_NeverShareAChunkAndCarryHeadingAndKeywords()
    {
        TextSection[] sections = [new("Intro", "Short intro."), new(null, "No heading here."), new("  ", "   ")];

        var chunks = TextChunker.Chunk(sections, "a, b");

        Assert.Equal(2, chunks.Count);
        Assert.Equal(("Intro", "Short intro.", "a, b"), (chunks[0].Heading, chunks[0].Text, chunks[0].Keywords));
        Assert.Null(chunks[1].Heading);
    }

    private static string LongText(int paragraphs, int sentencesPerParagraph)
    {
        var sb = new StringBuilder();
        var n = 0;
        for (var p = 0; p < paragraphs; p++)
        {
            for (var s = 0; s < sentencesPerParagraph; s++)
            {
                sb.Append($"Sentence number{n++} tells about splints, water and careful breathing in the cold. ");
            }

            sb.Append("\n\n");
        }

        return sb.ToString();
    }
}
