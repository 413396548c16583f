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

    /// <summary>Every topic the knowledge-base issue requires, and the protocols that cover it.</summary>
    public static TheoryData<string, string[]> RequiredTopics() => new()
    {
        { "CPR adult/child/infant and AED use", ["cpr-adult", "cpr-child", "cpr-infant", "aed-use"] },
        { "choking adult/child/infant", ["choking-adult", "choking-child", "choking-infant"] },
        { "severe bleeding and tourniquets", ["severe-bleeding", "tourniquet"] },
        { "wounds and infection", ["wound-care", "wound-infection"] },
        { "shock", ["shock"] },
        { "recovery position", ["recovery-position"] },
        { "burns and scalds", ["burns-scalds"] },
        { "chemical burns and eye injuries", ["chemical-burns", "chemical-eye-injury", "eye-injury"] },
        { "fractures and splinting", ["fractures", "splinting"] },
        { "sprains", ["sprains-strains"] },
        { "head and spinal injury", ["head-injury", "spinal-injury"] },
        { "heart attack", ["heart-attack"] },
        { "stroke (FAST)", ["stroke-fast"] },
        { "seizures", ["seizures"] },
        { "asthma attack", ["asthma-attack"] },
        { "anaphylaxis and allergies", ["anaphylaxis", "allergic-reaction"] },
        { "diabetic emergencies", ["hypoglycaemia", "hyperglycaemia"] },
        { "poisoning and overdose", ["poisoning-swallowed", "overdose"] },
        { "carbon monoxide", ["carbon-monoxide"] },
        { "drowning", ["drowning"] },
        { "hypothermia", ["hypothermia"] },
        { "frostbite", ["frostbite"] },
        { "heat exhaustion and heat stroke", ["heat-exhaustion", "heat-stroke"] },
        { "dehydration and oral rehydration solution", ["dehydration-ors"] },
        { "diarrhoea", ["diarrhoea"] },
        { "snake bites", ["snake-bite"] },
        { "spider/scorpion stings", ["spider-scorpion-stings"] },
        { "ticks", ["tick-bite"] },
        { "bee and wasp stings", ["bee-wasp-stings"] },
        { "animal bites and rabies", ["animal-bites-rabies"] },
        { "nosebleeds", ["nosebleed"] },
        { "dental injuries", ["dental-injury"] },
        { "electrocution", ["electrocution"] },
        { "childbirth emergency", ["childbirth-emergency"] },
        { "mental health crisis and suicide risk", ["mental-health-crisis", "suicide-risk"] },
        { "water finding and purification", ["water-finding", "water-boiling", "water-chlorine", "water-filtering", "water-solar-disinfection"] },
        { "fire making", ["fire-making"] },
        { "shelter", ["shelter-building"] },
        { "keeping warm", ["keeping-warm"] },
        { "signalling and rescue", ["signalling-rescue"] },
        { "navigation without a compass", ["navigation-without-compass"] },
        { "foraging safety and the edibility test", ["foraging-safety"] },
        { "food storage in a blackout", ["food-storage-blackout"] },
        { "hygiene and sanitation", ["hygiene-sanitation"] },
        { "power and charging in a blackout", ["power-blackout"] },
        { "generators safely", ["generator-safety"] },
        { "communication when networks are down", ["communication-networks-down"] },
        { "emergency kits and go-bags", ["emergency-kit", "go-bag"] },
        { "floods", ["flood"] },
        { "earthquakes", ["earthquake"] },
        { "wildfires", ["wildfire"] },
        { "heat waves", ["heat-wave"] },
        { "storms", ["storm"] },
        { "evacuation", ["evacuation"] },
        { "pandemic/infection control", ["infection-control"] },
    };

    [Theory]
    [MemberData(nameof(RequiredTopics))]
    public void Library_CoversEveryRequiredTopic_InBothLanguages(string topic, string[] ids)
    {
        foreach (var id in ids)
        {
            foreach (var language in new[] { "en", "it" })
            {
                Assert.True(s_library.Value.Any(p => p.Id == id && p.Language == language), $"{topic}: no {language}/{id}");
            }
        }
    }

    [Fact]
    public void Library_HasAtLeastNinetyProtocolsInEachLanguage()
    {
        foreach (var language in new[] { "en", "it" })
        {
            Assert.True(s_library.Value.Count(p => p.Language == language) >= 90, $"fewer than 90 protocols in {language}");
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
