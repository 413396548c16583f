using System.Text.RegularExpressions;
using SigmaNex.Core.Knowledge;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Knowledge;

/// <summary>The shipped library itself: complete, bilingual, and well-formed.</summary>
public sealed partial class LibraryContentTests
{
    private static readonly Lazy<IReadOnlyList<Protocol>> s_library = new(() => ProtocolLibrary.Load(RepoPaths.Knowledge));

    [Fact]
    public void Library_EveryFileParsesStrictly_AndEveryProtocolHasBothLanguages()
    {
        var protocols = s_library.Value;

        Assert.NotEmpty(protocols);
        foreach (var group in protocols.GroupBy(p => p.Id))
        {
            Assert.Equal(["en", "it"], group.Select(p => p.Language).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Library_HasAtLeastFifteenProtocols()
    {
        Assert.True(s_library.Value.Select(p => p.Id).Distinct().Count() >= 15);
    }

    [Fact]
    public void Library_EveryProtocol_HasStepsWarningsHelpTagsAndSource()
    {
        foreach (var p in s_library.Value)
        {
            var where = $"{p.Language}/{p.Id}";
            Assert.True(p.Steps.Count >= 3, $"{where}: too few steps");
            Assert.True(p.Warnings.Count >= 1, $"{where}: no warnings");
            Assert.True(p.CallForHelp.Count >= 1, $"{where}: no call_for_help");
            Assert.True(p.Tags.Count >= 3, $"{where}: too few tags");
            Assert.False(string.IsNullOrWhiteSpace(p.Summary), $"{where}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{where}: no source");
        }
    }

    [Fact]
    public void Library_IdsAreUniquePerLanguage()
    {
        foreach (var lang in s_library.Value.GroupBy(p => p.Language))
        {
            var dupes = lang.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(dupes);
        }
    }

    [Fact]
    public void Library_CriticalProtocols_GiveMachineCheckableDoNotRules()
    {
        foreach (var p in s_library.Value.Where(p => p.Priority == Priority.Critical))
        {
            Assert.True(p.Warnings.Any(w => w.Forbid.Count > 0), $"{p.Language}/{p.Id}: no warning with forbid phrases");
        }
    }

    [Fact]
    public void Library_HelpTextNeverHardCodesAPhoneNumber()
    {
        // The local emergency number is added by the app for the configured region.
        foreach (var p in s_library.Value)
        {
            foreach (var line in p.CallForHelp.Concat(p.Steps))
            {
                Assert.False(PhoneNumber().IsMatch(line), $"{p.Language}/{p.Id}: '{line}'");
            }
        }
    }

    [GeneratedRegex(@"(?<![\d.,])(112|911|999|118|000)(?![\d.,])")]
    private static partial Regex PhoneNumber();
}
