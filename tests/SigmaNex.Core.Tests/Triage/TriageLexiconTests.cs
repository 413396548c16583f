using SigmaNex.Core.Language;
using SigmaNex.Core.Triage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>The shipped lexicons and phrase files: they load, cover every category, and name real protocols.</summary>
public sealed class TriageLexiconTests
{
    private static readonly IReadOnlyList<TriageLexicon> s_lexicons = TriageLexicon.LoadAll();

    public static TheoryData<string> Languages => [.. s_lexicons.Select(l => l.Language)];

    [Fact]
    public void EveryLexicon_Loads() =>
        Assert.Equal(["de", "en", "es", "fr", "it"], s_lexicons.Select(l => l.Language).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Lexicon_CoversEveryCategory(string language)
    {
        var lexicon = s_lexicons.Single(l => l.Language == language);

        Assert.Equal(TriageCategory.All.Order(StringComparer.Ordinal), lexicon.Severities.Keys.Order(StringComparer.Ordinal));
        foreach (var category in TriageCategory.All)
        {
            Assert.Contains(lexicon.Patterns, p => p.Category == category);
        }

        Assert.NotEmpty(lexicon.Negations);
        Assert.NotEmpty(lexicon.Idioms);
        Assert.True(lexicon.AgeWords.ContainsKey("infant") && lexicon.AgeWords.ContainsKey("child"), language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Lexicon_NamesOnlyExistingProtocols(string language)
    {
        var protocols = Directory.GetFiles(Path.Combine(RepoPaths.Knowledge, "protocols", "en"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var lexicon = s_lexicons.Single(l => l.Language == language);

        foreach (var pattern in lexicon.Patterns.Where(p => p.Protocol is not null))
        {
            Assert.True(protocols.Contains(pattern.Protocol!), $"{language}: '{pattern.Source}' names unknown protocol '{pattern.Protocol}'");
        }
    }

    [Fact]
    public void DefaultProtocols_Exist()
    {
        foreach (var protocol in TriageCategory.DefaultProtocol.Values)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Knowledge, "protocols", "en", protocol + ".yaml")), protocol);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Phrases_HaveEveryEnglishKeyAndPlaceholder(string language)
    {
        Assert.True(Phrases.Has(language), language);
        Assert.Equal(Keys("en").Order(StringComparer.Ordinal), Keys(language).Order(StringComparer.Ordinal));
        var english = Phrases.For("en");
        var phrases = Phrases.For(language);
        foreach (var key in Keys("en"))
        {
            Assert.False(string.IsNullOrWhiteSpace(phrases[key]), $"{language}: {key}");
            var expected = System.Text.RegularExpressions.Regex.Matches(english[key], @"\{\w+\}").Select(m => m.Value).Order(StringComparer.Ordinal);
            var actual = System.Text.RegularExpressions.Regex.Matches(phrases[key], @"\{\w+\}").Select(m => m.Value).Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    // The keys a phrase file defines itself (Phrases falls back to English for the others).
    private static IEnumerable<string> Keys(string language) =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "src", "SigmaNex.Core", "Resources", "phrases", language + ".yaml"))
            .Where(l => l.Length > 0 && l[0] != '#' && l.Contains(':'))
            .Select(l => l[..l.IndexOf(':')]);
}
