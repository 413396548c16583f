using SigmaNex.Core;
using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Tests.Knowledge;

public sealed class ProtocolReaderTests
{
    private const string Valid = """
        id: test-protocol
        language: en
        title: Test
        category: bleeding
        priority: critical
        summary: A summary.
        steps:
          - First.
          - Second.
        warnings:
          - Do not a.
          - text: Do not put butter on a burn.
            forbid: ["butter burn"]
        call_for_help:
          - Always.
        special_cases:
          child: Smaller.
        tags: [a, b]
        source: Ours.
        """;

    [Fact]
    public void Read_ValidProtocol_ReadsEveryField()
    {
        var p = Assert.Single(ProtocolReader.Read(Valid, "t.yaml", strict: true));

        Assert.Equal("test-protocol", p.Id);
        Assert.Equal(Priority.Critical, p.Priority);
        Assert.Equal(["First.", "Second."], p.Steps);
        Assert.Equal(["butter burn"], p.Warnings[1].Forbid);
        Assert.Equal("Smaller.", p.SpecialCases["child"]);
        Assert.Equal("test-protocol.en", p.DocumentId);
    }

    [Theory]
    [InlineData("priority: critical", "priority: urgent", "line 5: field 'priority' must be critical, high or normal (got 'urgent')")]
    [InlineData("id: test-protocol", "id: Test Protocol", "field 'id' must be a lower-case slug")]
    [InlineData("category: bleeding", "category: magic", "field 'category' 'magic' is not a known category")]
    [InlineData("source: Ours.", "colour: red", "field 'colour' is not a protocol field")]
    [InlineData("  child: Smaller.", "  toddler: Smaller.", "field 'special_cases' 'toddler' is not one of")]
    [InlineData("  - Always.", "  - \"x\"\n  - When drowsy: call.", "field 'call_for_help' items must be non-empty text")]
    public void Read_BadField_NamesLineAndField(string from, string to, string expected)
    {
        var ex = Assert.Throws<SigmaException>(() => ProtocolReader.Read(Valid.Replace(from, to, StringComparison.Ordinal), "bad.yaml", strict: true));

        Assert.Equal(SigmaErrorKind.InvalidInput, ex.Kind);
        Assert.StartsWith("bad.yaml line ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredField_SaysWhichOne()
    {
        var text = Valid.Replace("call_for_help:\n  - Always.\n", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<SigmaException>(() => ProtocolReader.Read(text, "x.yaml", strict: true));

        Assert.Contains("field 'call_for_help' is required", ex.Message, StringComparison.Ordinal);
        Assert.Single(ProtocolReader.Read(text, "x.yaml", strict: false));
    }

    [Fact]
    public void Read_BrokenYaml_NamesTheLine()
    {
        var ex = Assert.Throws<SigmaException>(() => ProtocolReader.Read("id: a\nsteps: [unclosed\n", "x.yaml", strict: false));

        Assert.StartsWith("x.yaml line ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Json_IsAcceptedToo()
    {
        const string json = """{"protocols": [{"id": "j", "language": "it", "title": "T", "category": "water", "steps": ["Uno."]}]}""";

        var p = Assert.Single(ProtocolReader.Read(json, "p.json", strict: false));

        Assert.Equal("j.it", p.DocumentId);
        Assert.Equal(Priority.Normal, p.Priority);
    }
}
