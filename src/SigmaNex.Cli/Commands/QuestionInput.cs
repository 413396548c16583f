using System.CommandLine;
using System.Text;
using SigmaNex.Core;

namespace SigmaNex.Cli.Commands;

/// <summary>Reads a question from the command line, or from standard input when none is given or it is "-".</summary>
internal static class QuestionInput
{
    public static Argument<string[]> Argument(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static string Read(CliContext ctx, ParseResult parse, string[] words, string what, int maxLength)
    {
        // Unknown flags would otherwise be read as words of the question.
        var afterDoubleDash = parse.Tokens.Any(t => t.Type == System.CommandLine.Parsing.TokenType.DoubleDash);
        if (!afterDoubleDash && words.FirstOrDefault(w => w.Length > 1 && w[0] == '-' && !char.IsAsciiDigit(w[1])) is { } flag)
        {
            throw SigmaException.Input($"unknown option '{flag}' (put the {what} in quotes, or use -- before it)");
        }

        if (words.Length > 0 && !(words.Length == 1 && words[0] == "-"))
        {
            return string.Join(' ', words);
        }

        if (!ctx.IO.InputRedirected && !(words.Length == 1 && words[0] == "-"))
        {
            throw SigmaException.Input($"a {what} is required, for example: sigma ask \"How do I stop severe bleeding?\"");
        }

        return ReadStdin(ctx.IO.Input, maxLength, what);
    }

    private static string ReadStdin(Stream input, int maxLength, string what)
    {
        // UTF-8 needs at most 4 bytes a character; read one byte more than the limit can use.
        var limit = (long)maxLength * 4 + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > limit)
            {
                throw SigmaException.Input($"the {what} on standard input is too long (the limit is {maxLength:N0} characters, security.max_query_length)");
            }
        }

        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" (byte 0x{bytes[Math.Min(ex.Index, bytes.Length - 1)]:X2} at offset {ex.Index})" : string.Empty;
            throw SigmaException.Input($"standard input is not valid UTF-8 text{at}");
        }
    }
}
