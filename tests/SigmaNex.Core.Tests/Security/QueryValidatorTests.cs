using SigmaNex.Core;
using SigmaNex.Core.Security;

namespace SigmaNex.Core.Tests.Security;

public sealed class QueryValidatorTests
{
    [Theory]
    [InlineData(null, "the question is empty")]
    [InlineData("", "the question is empty")]
    [InlineData(" \n\t ", "the question is empty")]
    [InlineData("stop\u0000bleeding", "contains a control character (U+0000 at character 5)")]
    [InlineData("bad \uFFFD bytes", "is not valid UTF-8 text")]
    public void Validate_BadInput_SaysWhatIsWrong(string? question, string expected)
    {
        var ex = Assert.Throws<SigmaException>(() => QueryValidator.Validate(question, 4000));

        Assert.Equal(SigmaErrorKind.InvalidInput, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoneSurrogate_IsNotValidText()
    {
        var ex = Assert.Throws<SigmaException>(() => QueryValidator.Validate("half " + (char)0xD800 + " pair", 4000));

        Assert.Contains("is not valid text (broken character at 6)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_GivesLengthAndLimit()
    {
        var ex = Assert.Throws<SigmaException>(() => QueryValidator.Validate(new string('a', 1_048_576), 4000));

        Assert.Contains("1,048,576 characters; the limit is 4,000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  How do I stop bleeding?\n", "How do I stop bleeding?")]
    [InlineData("Ustione 🔥 cosa fare?", "Ustione 🔥 cosa fare?")]
    [InlineData("line one\r\n\tline two", "line one\r\n\tline two")]
    public void Validate_GoodInput_IsTrimmedOnly(string question, string expected) =>
        Assert.Equal(expected, QueryValidator.Validate(question, 4000));
}
