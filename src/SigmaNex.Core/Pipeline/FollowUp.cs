using System.Collections.Frozen;
using SigmaNex.Core.Context;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Pipeline;

/// <summary>
/// Decides when a question in a conversation must be searched together with the questions before it.
/// A follow-up such as "how long does it take?" or "and without fire?" carries too few words of its own
/// to find anything — or finds the wrong thing: "which one is the quickest?" matches any protocol that
/// says "quick" — so it is searched with the earlier question that gives it its subject. A question
/// with a subject of its own ("my friend has a nosebleed") stands alone, so a change of topic is followed.
/// </summary>
internal static class FollowUp
{
    /// <summary>A question with more content words than this is never read as a follow-up when it finds something.</summary>
    public const int ThinQuestion = 3;

    /// <summary>At most this many earlier questions are searched with a follow-up.</summary>
    public const int MaxQuestions = 5;

    // Words that point back to something said before, or open a question by continuing the last one.
    // Ambiguous articles ("la", "le", "lo", "die") are left out: they would mark every question.
    private static readonly FrozenDictionary<string, FrozenSet<string>> s_pointers = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["en"] = Set("it", "its", "this", "that", "these", "those", "one", "ones", "he", "she", "they", "him", "her", "them", "his", "there"),
        ["it"] = Set("questo", "questa", "quello", "quella", "questi", "quelli", "lui", "lei", "loro", "ciò", "cio", "esso", "essa"),
        ["es"] = Set("esto", "eso", "esta", "ese", "esa", "aquello", "él", "el", "ella", "ellos", "ellas", "ello", "le", "les"),
        ["fr"] = Set("ça", "ca", "cela", "ceci", "celui", "celle", "il", "elle", "ils", "elles", "lui", "leur", "y", "en"),
        ["de"] = Set("es", "das", "dies", "dieses", "diese", "er", "sie", "ihn", "ihm", "ihr", "ihnen", "dort", "dabei", "damit", "davon"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenSet<string>> s_openers = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["en"] = Set("and", "but", "also", "so", "then", "what about", "how about", "and if", "what if", "or"),
        ["it"] = Set("e", "ma", "anche", "quindi", "allora", "e se", "invece", "oppure", "o"),
        ["es"] = Set("y", "pero", "también", "tambien", "entonces", "y si", "o", "e"),
        ["fr"] = Set("et", "mais", "aussi", "donc", "alors", "et si", "ou"),
        ["de"] = Set("und", "aber", "auch", "also", "dann", "und wenn", "oder"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The earlier questions to search with (oldest first, one per line), or null when the question
    /// stands alone: there is no history, or it found something relevant on its own and neither is too
    /// thin (one content word) nor reads as a continuation (few words, and a pointer such as "it" or an
    /// opener such as "and").
    /// </summary>
    public static string? Context(IReadOnlyList<ConversationTurn> history, string question, string language, SearchResult alone, IReadOnlyList<string> searchLanguages)
    {
        if (history.Count == 0)
        {
            return null;
        }

        if (alone.Hits.Any(KnowledgeComposer.IsRelevant) && !Continues(question, language, alone.Analysis.Words.Count))
        {
            return null;
        }

        // Back to the latest question that has a subject of its own; the follow-ups between it and this
        // one come too ("how long?" after "and without fire?" after "how do I purify river water").
        var taken = new List<string>();
        for (var i = history.Count - 1; i >= 0 && taken.Count < MaxQuestions; i--)
        {
            taken.Add(history[i].Question);
            var earlier = history[i].Question;
            if (!Continues(earlier, language, TextAnalyzer.AnalyzeQuery(earlier, searchLanguages).Words.Count))
            {
                break;
            }
        }

        taken.Reverse();
        return string.Join('\n', taken);
    }

    /// <summary>Whether a question leans on an earlier one: one content word or none, or few words with a pointer or an opener.</summary>
    public static bool Continues(string question, string language, int contentWords)
    {
        if (contentWords <= 1)
        {
            return true;
        }

        if (contentWords > ThinQuestion)
        {
            return false;
        }

        var words = Tokenizer.Tokenize(question);
        if (words.Count == 0)
        {
            return true;
        }

        if (s_openers.TryGetValue(language, out var openers)
            && (openers.Contains(words[0]) || (words.Count > 1 && openers.Contains(words[0] + " " + words[1]))))
        {
            return true;
        }

        return s_pointers.TryGetValue(language, out var pointers) && words.Exists(pointers.Contains);
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
