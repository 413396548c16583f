using SigmaNex.Core.Safety;
using SigmaNex.Core.Translation;

namespace SigmaNex.Core.Tests.Translation;

/// <summary>What translation must not change, and the check that it did not.</summary>
public sealed class TermProtectorTests
{
    private readonly TermProtector _protector = TermProtector.Default;

    [Theory]
    [InlineData("Give 500 mg now", "500 mg", "dose")]
    [InlineData("Give 2 ml/kg slowly", "2 ml/kg", "dose")]
    [InlineData("Give 0.5 mg of it", "0.5 mg", "dose")]
    [InlineData("Fever above 37.5 °C", "37.5 °C", "dose")]
    [InlineData("Do 30:2 compressions", "30:2", "number")]
    [InlineData("Wait 5–10 minutes", "5–10", "number")]
    [InlineData("Call 112 now", "112", "number")]
    [InlineData("Call +39 06 4997 1234", "+39 06 4997 1234", "phone")]
    [InlineData("See [severe-bleeding.en] first", "[severe-bleeding.en]", "protocol")]
    [InlineData("Use the EpiPen now", "EpiPen", "drug")]
    [InlineData("Take activated charcoal", "activated charcoal", "drug")]
    public void Find_ProtectsTheTerm(string text, string term, string kind)
    {
        var spans = _protector.Find(text);

        Assert.Contains(spans, s => text.Substring(s.Index, s.Length) == term && s.Kind == kind);
    }

    [Fact]
    public void Find_DoesNotProtectOrdinaryWords()
    {
        Assert.Empty(_protector.Find("Wait a moment and keep the patient warm"));
    }

    [Fact]
    public void Protect_ThenRestore_RoundTripsAndUsesTheTargetName()
    {
        var p = _protector.Protect("Give adrenaline 0.5 mg, call 112 or [anaphylaxis.en]. EpiPen works.", "en", "it", PlaceholderStyle.Number);

        Assert.Equal("Give 901 902, call 903 or 904. 905 works.", p.Masked);
        Assert.Equal("Dare adrenalina 0.5 mg, chiamare 112 o [anaphylaxis.en]. EpiPen works.",
            p.Restore("Dare 901 902, chiamare 903 o 904. 905 works.").Text);
    }

    [Theory]
    [InlineData("Dare 901, chiamare 903.", "the translation lost \"0.5 mg\"")]
    [InlineData("Dare 901 902 902, chiamare 903.", "the translation repeated \"0.5 mg\"")]
    [InlineData("Dare 901 50, chiamare 903.", "the translation added the number \"50\"")]
    public void Restore_FailsWhenATermIsLostRepeatedOrANumberAppears(string translated, string problem)
    {
        var p = _protector.Protect("Give adrenaline 0.5 mg, call 112.", "en", "it", PlaceholderStyle.Number);

        var restored = p.Restore(translated);

        Assert.False(restored.Ok);
        Assert.Equal(problem, restored.Problem);
    }

    [Fact]
    public void Markers_ForChatModels()
    {
        var p = _protector.Protect("Take 500 mg of paracetamol", "en", "it", PlaceholderStyle.Marker);

        Assert.Equal("Take [[1]] of [[2]]", p.Masked);
        Assert.Equal("Prendere 500 mg di paracetamolo", p.Restore("Prendere [[1]] di [[2]]").Text);
        Assert.Equal("the translation added a number (\"5\")", p.Restore("Prendere [[1]] di [[2]] 5 volte").Problem);
    }

    [Theory]
    [InlineData("adrenaline", "es", "adrenalina")]
    [InlineData("Adrenalin", "en", "adrenaline")]
    [InlineData("epinefrina", "it", "adrenalina")]
    [InlineData("paracetamolo", "fr", "paracétamol")]
    [InlineData("Tachipirina", "en", null)]
    public void DrugNames_GiveTheTargetLanguageName(string name, string to, string? expected)
    {
        Assert.Equal(expected, DrugNames.Default.Translate(name, to));
    }

    [Fact]
    public void DrugNames_EveryGlossarySubstanceWithATranslationIsProtected()
    {
        foreach (var name in DrugNames.Default.AllNames)
        {
            Assert.True(_protector.Find($"take {name} now").Any(s => s.Kind == "drug"), name);
        }

        Assert.Contains("adrenaline", DrugGlossary.Default.Entries.Keys);
    }
}
