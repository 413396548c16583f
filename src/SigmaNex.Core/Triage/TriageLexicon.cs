using SigmaNex.Core.Resources;
using SigmaNex.Core.Text;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Triage;

/// <summary>One language's triage vocabulary, from <c>Resources/triage/&lt;lang&gt;.yaml</c>.</summary>
internal sealed class TriageLexicon
{
    public required string Language { get; init; }

    public required HashSet<string> Negations { get; init; }

    public required int NegationWindow { get; init; }

    /// <summary>Words that negate a match they follow (German "er blutet nicht", spoken French "il saigne pas").</summary>
    public required HashSet<string> NegationsAfter { get; init; }

    /// <summary>How many words after a match are searched for <see cref="NegationsAfter"/>.</summary>
    public required int NegationAfterWindow { get; init; }

    /// <summary>Words passed over when counting the negation window (articles, auxiliaries, pronouns, prepositions).</summary>
    public HashSet<string> NegationSkip { get; init; } = [];

    /// <summary>Words a negation does not reach across (subordinators, question words).</summary>
    public HashSet<string> NegationBarriers { get; init; } = [];

    /// <summary>
    /// Phrases that begin with a negation word but do not negate ("sans arrêt", "sin parar", "senza sosta":
    /// "without stopping"): <c>not_negations</c> in the lexicon.
    /// </summary>
    public IReadOnlyList<string[]> NotNegations { get; init; } = [];

    /// <summary>
    /// Contrast words ("but", "mais", "aber"): a reassurance followed by one in its sentence is qualified, not
    /// final ("he is talking normally but keeps vomiting"), so it no longer makes earlier matches minor.
    /// </summary>
    public HashSet<string> Contrast { get; init; } = [];

    /// <summary>
    /// Negations of a noun ("kein", "sans", "senza"): inside a match, one counts as negating the symptom after it
    /// unless the pattern names it there as part of a phrase ("keine luft"): "wespenstich, keine atemnot" is
    /// reassured, where "hustet nicht mehr" (a verb negation the pattern names elsewhere) stays a sign. Each is also
    /// one of the <see cref="Negations"/> (checked on load).
    /// </summary>
    public HashSet<string> NounNegations { get; init; } = [];

    /// <summary>Degree words that make an injury minor ("lightly", "un po'"): see <see cref="TriageCategory.GradedByExtent"/>.</summary>
    public HashSet<string> Mild { get; init; } = [];

    /// <summary>Degree phrases of several words from the same list ("a little", "un poco", "ein bisschen").</summary>
    public IReadOnlyList<string[]> MildPhrases { get; init; } = [];

    /// <summary>How many words before or after a match are searched for <see cref="Mild"/>.</summary>
    public int MildWindow { get; init; } = 2;

    /// <summary>
    /// Nouns of things, not people (plant, company, market, engine): one of them just before a match, as its
    /// subject ("the plant is dying", "die Firma blutet"), makes the match a non-medical sense of the word.
    /// The value lists the categories the noun is limited to ("camicia@severe_burns": a shirt can be burnt,
    /// but "la maglietta" is no reason to doubt "gli ha preso fuoco"), or is null for every category.
    /// </summary>
    public IReadOnlyDictionary<string, HashSet<string>?> ThingSubjects { get; init; } = new Dictionary<string, HashSet<string>?>();

    /// <summary>Nouns of things that, just after a match, are its object ("bleeding money", "soffocano l'orto"); scoped as <see cref="ThingSubjects"/>.</summary>
    public IReadOnlyDictionary<string, HashSet<string>?> ThingObjects { get; init; } = new Dictionary<string, HashSet<string>?>();

    /// <summary>How many words (not counting <see cref="NegationSkip"/> words) are searched for a thing noun.</summary>
    public int ThingWindow { get; init; } = 2;

    /// <summary>
    /// Prepositions of place and position ("in", "on", "nella", "dans", "auf"): a thing noun right after one (articles
    /// and possessives between are passed over) is where the event happens, not its subject: "the man in the car is
    /// dead", "a worker on the scaffolding collapsed", "en el coche le dio un infarto".
    /// </summary>
    public HashSet<string> Places { get; init; } = [];

    public required IReadOnlyList<TriagePattern> Idioms { get; init; }

    /// <summary>
    /// Contexts that are not a real situation — fiction, games, films, history, news ("in the film", "my
    /// character", "history question"): every match in the frame's sentence is cancelled.
    /// </summary>
    public IReadOnlyList<TriagePattern> Frames { get; init; } = [];

    /// <summary>
    /// Reassurance that what came before is over ("and she is fine now", "coughed it out", "came round"):
    /// every match that starts before it becomes minor (its protocol is hinted, no alarm).
    /// </summary>
    public IReadOnlyList<TriagePattern> Resolved { get; init; } = [];

    /// <summary>
    /// Past-time markers ("years ago", "last year", "as a child"): a match in the same sentence becomes minor,
    /// unless a <see cref="Present"/> word stands between the two ("a stroke last year and now he can't speak").
    /// </summary>
    public IReadOnlyList<TriagePattern> Past { get; init; } = [];

    /// <summary>
    /// A person of the writer's own life ("my dad", "mio figlio", "ma femme"): a frame does not reach a later match
    /// across one introduced after "and" or a clause break ("we were watching the episode and my dad collapsed").
    /// </summary>
    public IReadOnlyList<TriagePattern> OwnPeople { get; init; } = [];

    /// <summary>
    /// A question about how it is really done ("how do you do it properly?", "come si fa?"): after a match, it keeps
    /// the match from a frame (a skill seen in a film and asked about is an informational emergency).
    /// </summary>
    public IReadOnlyList<TriagePattern> Asks { get; init; } = [];

    /// <summary>Words that bring a sentence back to the present ("now", "today", "again").</summary>
    public HashSet<string> Present { get; init; } = [];

    /// <summary>
    /// Words a past-time marker does not reach across ("and", "because"); <c>past_barriers</c> in the lexicon,
    /// or its <see cref="NegationBarriers"/> when absent (German lists pronouns there, which a past marker must pass).
    /// </summary>
    public HashSet<string> PastBarriers { get; init; } = [];

    public required IReadOnlyList<TriagePattern> Patterns { get; init; }

    public required IReadOnlyDictionary<string, Severity> Severities { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<TriagePattern>> AgeWords { get; init; }

    /// <summary>Every shipped lexicon, in name order; parsed in parallel (they are independent, and this is on the CLI's start path).</summary>
    public static IReadOnlyList<TriageLexicon> LoadAll() =>
        EmbeddedResources.List("triage").Order(StringComparer.Ordinal).AsParallel().AsOrdered().Select(n => Parse(EmbeddedResources.ReadText(n), n)).ToList();

    /// <summary>Thing nouns, each for every category or, written <c>noun@category,category</c>, for those only.</summary>
    private static Dictionary<string, HashSet<string>?> Things(IEnumerable<string> entries, string source)
    {
        var things = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            if (at < 0 && TriageCategory.All.Contains(entry))
            {
                // "noun@a,b" unquoted in a YAML flow list is two entries, "noun@a" and "b": quote it.
                throw new FormatException($"{source}: thing noun '{entry}' is a category; quote scoped entries with several categories (\"noun@a,{entry}\")");
            }

            if (at < 0)
            {
                things[entry] = null; // every category, whatever scope an earlier entry gave it
                continue;
            }

            var noun = entry[..at].Trim();
            var categories = entry[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            if (noun.Length == 0 || categories.Count == 0 || categories.Any(c => !TriageCategory.All.Contains(c)))
            {
                throw new FormatException($"{source}: thing noun '{entry}' must be 'noun' or 'noun@category[,category]' with known categories");
            }

            // Listed twice: an unscoped entry wins; two scopes add up.
            if (!things.TryGetValue(noun, out var existing))
            {
                things[noun] = categories;
            }
            else if (existing is not null)
            {
                existing.UnionWith(categories);
            }
        }

        return things;
    }

    public static TriageLexicon Parse(string yamlText, string source)
    {
        var atoms = new Dictionary<string, TriageAtom>(StringComparer.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(yamlText));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        YamlNode? Get(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;
        IEnumerable<string> List(YamlNode? n) => n is YamlSequenceNode s ? s.Children.Select(c => ((YamlScalarNode)c).Value!) : [];

        HashSet<string> Words(YamlNode? n) => List(n).Select(w => TextFolding.Fold(w.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        var language = ((YamlScalarNode)Get(root, "language")!).Value!;
        var patterns = new List<TriagePattern>();
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (k, v) in ((YamlMappingNode)Get(root, "categories")!).Children)
        {
            var category = ((YamlScalarNode)k).Value!;
            if (!TriageCategory.All.Contains(category))
            {
                throw new FormatException($"{source}: unknown triage category '{category}'");
            }

            var map = (YamlMappingNode)v;
            severities[category] = Enum.Parse<Severity>(((YamlScalarNode)Get(map, "severity")!).Value!, ignoreCase: true);
            foreach (var p in List(Get(map, "patterns")).Select(p => TriagePattern.Parse(p, category, atoms)))
            {
                patterns.Add(p.Scope is null ? p : throw new FormatException($"{source}: pattern '{p.Source}' of {category}: '@' scopes only idioms, frames, reassurances and past markers"));
            }
        }

        var age = new Dictionary<string, IReadOnlyList<TriagePattern>>(StringComparer.Ordinal);
        if (Get(root, "age") is YamlMappingNode ageMap)
        {
            foreach (var (k, v) in ageMap.Children)
            {
                var group = ((YamlScalarNode)k).Value!;
                age[group] = List(v).Select(p => TriagePattern.Parse(p, group, atoms)).ToList();
            }
        }

        var negations = Words(Get(root, "negations"));
        var nounNegations = Words(Get(root, "noun_negations"));
        if (nounNegations.FirstOrDefault(n => !negations.Contains(n)) is { } stray)
        {
            throw new FormatException($"{source}: noun negation '{stray}' is not among the negations");
        }

        return new TriageLexicon
        {
            Language = language,
            Negations = negations,
            NegationWindow = Get(root, "negation_window") is YamlScalarNode w ? int.Parse(w.Value!, System.Globalization.CultureInfo.InvariantCulture) : 3,
            NegationsAfter = List(Get(root, "negations_after")).Select(w => TextFolding.Fold(w.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal),
            NegationAfterWindow = Get(root, "negation_after_window") is YamlScalarNode a ? int.Parse(a.Value!, System.Globalization.CultureInfo.InvariantCulture) : 1,
            NegationSkip = Words(Get(root, "negation_skip")),
            NegationBarriers = Words(Get(root, "negation_barriers")),
            NotNegations = Words(Get(root, "not_negations")).Select(m => m.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(m => m.Length > 1).ToList(),
            Contrast = Words(Get(root, "contrast")),
            NounNegations = nounNegations,
            Mild = Words(Get(root, "mild")).Where(m => !m.Contains(' ')).ToHashSet(StringComparer.Ordinal),
            MildPhrases = Words(Get(root, "mild")).Where(m => m.Contains(' ')).Select(m => m.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList(),
            MildWindow = Get(root, "mild_window") is YamlScalarNode mw ? int.Parse(mw.Value!, System.Globalization.CultureInfo.InvariantCulture) : 2,
            ThingSubjects = Things(Words(Get(root, "thing_subjects")), source),
            ThingObjects = Things(Words(Get(root, "thing_objects")), source),
            Places = Words(Get(root, "thing_places")),
            ThingWindow = Get(root, "thing_window") is YamlScalarNode tw ? int.Parse(tw.Value!, System.Globalization.CultureInfo.InvariantCulture) : 2,
            Idioms = List(Get(root, "idioms")).Select(p => TriagePattern.Parse(p, "idiom", atoms)).ToList(),
            Frames = List(Get(root, "frames")).Select(p => TriagePattern.Parse(p, "frame", atoms)).ToList(),
            Resolved = List(Get(root, "resolved")).Select(p => TriagePattern.Parse(p, "resolved", atoms)).ToList(),
            OwnPeople = List(Get(root, "own_people")).Select(p => TriagePattern.Parse(p, "own", atoms)).ToList(),
            Asks = List(Get(root, "asks")).Select(p => TriagePattern.Parse(p, "ask", atoms)).ToList(),
            Past = List(Get(root, "past")).Select(p => TriagePattern.Parse(p, "past", atoms)).ToList(),
            Present = Words(Get(root, "present")),
            PastBarriers = Get(root, "past_barriers") is { } pb ? Words(pb) : Words(Get(root, "negation_barriers")),
            Patterns = patterns,
            Severities = severities,
            AgeWords = age,
        };
    }
}
