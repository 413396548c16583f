using System.Text.RegularExpressions;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Triage;

/// <summary>
/// A folded word of the question, the clause it belongs to (negation does not cross clauses) and its
/// sentence (what frames and past-time markers reach).
/// </summary>
internal readonly record struct TriageToken(string Text, int Clause, int Start, int End)
{
    public int Sentence { get; init; }
}

/// <summary>
/// Splits a question for triage: folded words, clause numbers at punctuation and "but", sentence numbers
/// at full stops, question and exclamation marks and line breaks. A "but" word starts a new clause and
/// stays a word of it — except Italian "ma" in a French question, where it is "my" ("je sens plus ma
/// jambe"). A comma between digits is a decimal comma ("glycémie à 0,4"), not a clause break.
/// </summary>
internal static class TriageTokens
{
    private static readonly HashSet<string> s_clauseWords = new(StringComparer.Ordinal)
    {
        "but", "however", "although", "ma", "pero", "mais", "aber", "sondern", "jedoch", "tuttavia", "pourtant", "cependant", "embargo",
    };

    public static List<TriageToken> Split(string text, string? language = null)
    {
        var tokens = new List<TriageToken>();
        var clause = 0;
        var sentence = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '.';
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = TextFolding.Fold(text[start..i].ToLowerInvariant());
                if (s_clauseWords.Contains(word) && !(word == "ma" && language == "fr"))
                {
                    clause++;
                    tokens.Add(new TriageToken(word, clause, start, i) { Sentence = sentence });
                }
                else if (word == "t" && tokens.Count > 0 && start >= 2 && text[start - 1] is '\'' or '’' && tokens[^1].Text.EndsWith('n') && tokens[^1].End == start - 1)
                {
                    // English "n't": "can't" → can not, "won't" → will not, "isn't" → is not. Offsets stay on the original text.
                    var prev = tokens[^1];
                    var verb = prev.Text switch { "can" => "can", "won" => "will", "ain" => "is", _ => prev.Text[..^1] };
                    tokens[^1] = prev with { Text = verb };
                    tokens.Add(new TriageToken("not", clause, start - 1, i) { Sentence = sentence });
                }
                else
                {
                    tokens.Add(new TriageToken(word, clause, start, i) { Sentence = sentence });
                }

                start = -1;
            }

            var decimalComma = c == ',' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
            if (c is '.' or ',' or ';' or '!' or '?' or ':' or '\n' or '(' or ')' or '¿' or '¡' && !decimalComma)
            {
                clause++;
            }

            // A decimal point ("sugar is 2.1") does not end a sentence.
            if ((c is '!' or '?' or '\n') || (c == '.' && !(i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))))
            {
                sentence++;
            }
        }

        return tokens;
    }
}
