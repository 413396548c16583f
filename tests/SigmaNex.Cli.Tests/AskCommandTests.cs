using System.Text;
using System.Text.Json;

namespace SigmaNex.Cli.Tests;

public sealed class AskCommandTests : IDisposable
{
    private readonly CliHarness _cli = new("ask");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ask_SevereBleeding_AnswersWithStepsAndSources()
    {
        var r = await _cli.RunAsync("ask", "How do I stop severe bleeding?");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Emergency: call 112 now", r.Out, StringComparison.Ordinal);
        Assert.Contains("1. Check that you are safe", r.Out, StringComparison.Ordinal);
        Assert.Contains("Sources (knowledge): severe-bleeding.en", r.Out, StringComparison.Ordinal);
        // The card comes before anything else the answer prints.
        Assert.True(r.Out.IndexOf("Emergency: call", StringComparison.Ordinal) < r.Out.IndexOf("Sources", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_Json_FollowsTheContract()
    {
        var r = await _cli.RunAsync("ask", "--json", "How do I stop severe bleeding?");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("answer").ValueKind);
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("knowledge", root.GetProperty("backend").GetString());
        var emergency = root.GetProperty("emergency");
        Assert.True(emergency.GetProperty("detected").GetBoolean());
        Assert.Equal("severe_bleeding", emergency.GetProperty("category").GetString());
        Assert.Equal("critical", emergency.GetProperty("severity").GetString());
        var source = root.GetProperty("sources")[0];
        Assert.Equal("severe-bleeding.en", source.GetProperty("id").GetString());
        Assert.Equal("Severe bleeding", source.GetProperty("title").GetString());
        Assert.Equal("bleeding", source.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Number, source.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("timings_ms").ValueKind);
        Assert.True(root.GetProperty("timings_ms").GetProperty("total").GetDouble() > 0);
    }

    [Fact]
    public async Task Ask_Json_NonEmergency_HasNullCategoryAndSeverity()
    {
        var r = await _cli.RunAsync("ask", "--json", "how do I build a shelter in the woods");

        using var doc = JsonDocument.Parse(r.Out);
        var emergency = doc.RootElement.GetProperty("emergency");
        Assert.False(emergency.GetProperty("detected").GetBoolean());
        Assert.Equal(JsonValueKind.Null, emergency.GetProperty("category").ValueKind);
        Assert.Equal(JsonValueKind.Null, emergency.GetProperty("severity").ValueKind);
        Assert.Equal("shelter-building.en", doc.RootElement.GetProperty("sources")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ask_LangAndTop_AreHonoured()
    {
        var r = await _cli.RunAsync("ask", "--json", "--lang", "it", "--top", "2", "how do I treat a burn");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("it", doc.RootElement.GetProperty("language").GetString());
        Assert.EndsWith(".it", doc.RootElement.GetProperty("sources")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.True(doc.RootElement.GetProperty("sources").GetArrayLength() <= 2);
    }

    [Fact]
    public async Task Ask_QuestionFromStdin_IsAnswered()
    {
        var r = await _cli.RunWithInputAsync("How do I purify water by boiling?\n", "ask", "--json");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("water-boiling.en", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "ask", "" }, "the question is empty")]
    [InlineData(new[] { "ask", "   " }, "the question is empty")]
    [InlineData(new[] { "ask", "stop\u0007bleeding" }, "control character (U+0007")]
    [InlineData(new[] { "ask", "--bogus", "hello" }, "unknown option '--bogus'")]
    [InlineData(new[] { "ask", "--top", "0", "hello" }, "--top must be between 1 and 50")]
    [InlineData(new[] { "ask", "--lang", "italian", "hello" }, "--lang must be a two-letter language code")]
    [InlineData(new[] { "ask" }, "a question is required")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    public async Task Ask_BadUsage_ExitsTwoWithOneLine(string[] args, string expected)
    {
        var r = await _cli.RunAsync(args);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
    }

    [Fact]
    public async Task Ask_OneMegabyteQuestion_IsRefusedWithTheLimit()
    {
        var big = new string('a', 1024 * 1024);

        var viaArgument = await _cli.RunAsync("ask", big);
        var viaStdin = await _cli.RunWithInputAsync(big, "ask");

        Assert.Equal(2, viaArgument.ExitCode);
        Assert.Contains("too long (1,048,576 characters; the limit is 4,000", viaArgument.Error, StringComparison.Ordinal);
        Assert.Equal(2, viaStdin.ExitCode);
        Assert.Contains("too long", viaStdin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_InvalidUtf8OnStdin_IsRefusedNamingTheByte()
    {
        var r = await _cli.RunAsync(["ask"], [0x68, 0x65, 0x6C, 0xFF, 0x70]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("standard input is not valid UTF-8 text (byte 0xFF at offset 3)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Debug_ShowsDetailsOnError()
    {
        var plain = await _cli.RunAsync("ask", "--config", "/nonexistent/config.yaml", "hello");
        var debug = await _cli.RunAsync("ask", "--debug", "--config", "/nonexistent/config.yaml", "hello");

        Assert.Equal(2, plain.ExitCode);
        Assert.Single(plain.Error.Trim().Split('\n'));
        Assert.Contains("   at ", debug.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SecondRun_UsesTheStoreWithoutReloading()
    {
        await _cli.RunAsync("ask", "hello");
        var before = File.GetLastWriteTimeUtc(_cli.DatabasePath);

        var r = await _cli.RunAsync("ask", "--json", "--no-save", "how to light a fire without matches");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(before, File.GetLastWriteTimeUtc(_cli.DatabasePath));
        Assert.Contains("fire-making.en", r.Out, StringComparison.Ordinal);
    }
}
