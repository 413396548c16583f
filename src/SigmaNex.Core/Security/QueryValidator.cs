using System.Globalization;

namespace SigmaNex.Core.Security;

/// <summary>
/// The first gate of every question: not empty, not too long, valid text, no control characters.
/// Each refusal says exactly what is wrong, so the person can fix it.
/// </summary>
public static class QueryValidator
{
    public static string Validate(string? question, int maxLength, string what = "question")
    {
        if (question is null || string.IsNullOrWhiteSpace(question))
        {
            throw SigmaException.Input($"the {what} is empty");
        }

        if (question.Length > maxLength)
        {
            throw SigmaException.Input(
                $"the {what} is too long ({question.Length.ToString("N0", CultureInfo.InvariantCulture)} characters; the limit is {maxLength.ToString("N0", CultureInfo.InvariantCulture)}, security.max_query_length)");
        }

        for (var i = 0; i < question.Length; i++)
        {
            var c = question[i];
            if (c == '\uFFFD')
            {
                throw SigmaException.Input($"the {what} is not valid UTF-8 text (undecodable bytes at character {i + 1})");
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < question.Length && char.IsLowSurrogate(question[i + 1]))
                {
                    i++;
                    continue;
                }

                throw SigmaException.Input($"the {what} is not valid text (broken character at {i + 1})");
            }

            if (char.IsLowSurrogate(c))
            {
                throw SigmaException.Input($"the {what} is not valid text (broken character at {i + 1})");
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                throw SigmaException.Input($"the {what} contains a control character (U+{(int)c:X4} at character {i + 1})");
            }
        }

        return question.Trim();
    }
}
